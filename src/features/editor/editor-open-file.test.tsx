import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { readTreeShapeText, validateTreeFileText } from '../../engine/validate-tree';
import { limitCases } from '../../testing/limit-cases';
import { renderApp } from '../../testing/render-app';
import { describePath } from './describe-path';

// Issue 27's table through the editor's Open file, every case of it: a file the rulebook refuses
// by its text or its shape is not opened, and the message names the JSON path; a file whose
// shape holds opens, and Checks then says what the same rulebook says of the whole tree: no
// problems for an accepted file, and for one over a limit of the whole tree (a walk, the nodes)
// the problem at the field the rulebook names, in the author's words.

const cases = limitCases();

test('Open file refuses each hostile or over-limit file with its JSON path, and opens the others with what Checks says of them', async () => {
  const { user } = renderApp('/edit');
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  const input = screen.getByLabelText('Open file');
  const checks = () => screen.getByRole('region', { name: 'Checks' });
  for (const [index, { name, text, refusedAt }] of cases.entries()) {
    const shape = readTreeShapeText(text);
    // A name of its own, so that each message is told from the last one.
    const file = `case-${index}.json`;
    await user.upload(input, new File([text], file, { type: 'application/json' }));
    const status = (
      await screen.findByText(
        (content) => content.includes(file),
        { selector: '[role=status]' },
        // After a tree of 1,500 nodes the editor takes a moment to lay out the next file.
        { timeout: 20_000 },
      )
    ).textContent;
    if (!shape.ok) {
      expect(refusedAt, `${name}: refused by its shape, so by the rulebook too`).toBeDefined();
      expect(status, name).toContain(`${file} is not a troubleshooter file the editor can open`);
      expect(status, name).toContain(`(${refusedAt}: `);
      continue;
    }
    expect(status, name).toBe(`Opened ${file}. Undo brings back what was here before.`);
    expect(screen.getByRole('textbox', { name: /^Title$/ }), name).toHaveValue(shape.value.title);
    const counted = within(checks()).getByRole('status');
    if (!refusedAt) {
      await expect
        .poll(() => counted.textContent, { timeout: 20_000 })
        .toBe('No problems: nothing to fix before publishing.');
      continue;
    }
    // Over a limit of the whole tree: listed at the place the rulebook names.
    const validated = validateTreeFileText('trees/t.json', text);
    const problem = validated.ok
      ? undefined
      : validated.problems.find((candidate) => candidate.path === refusedAt);
    expect(problem, name).toBeDefined();
    const place = `${describePath(shape.value, refusedAt)}: `;
    await expect
      .poll(
        () =>
          within(checks())
            .queryAllByRole('button')
            .some((button) => button.textContent?.startsWith(place)),
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(counted.textContent, name).toMatch(/problems? to fix before publishing/);
  }
}, 600_000);
