import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { readTreeShapeText } from '../../engine/validate-tree';
import { limitCases } from '../../testing/limit-cases';
import { renderApp } from '../../testing/render-app';

// Issue 27's table through the editor's Open file: a file the rulebook refuses by its text or
// its shape is not opened, and the message names the JSON path; a file it accepts opens, and
// what the rulebook says about the whole tree (a walk over its limits) is listed in Checks.

const cases = limitCases();

test('Open file refuses each hostile or over-limit file with its JSON path, and opens the others', async () => {
  const { user } = renderApp('/edit');
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  const input = screen.getByLabelText('Open file');
  for (const [index, { name, text, refusedAt }] of cases.entries()) {
    // The 1,500-node tree and the longest walks are opened too, below; here the rest.
    const shape = readTreeShapeText(text);
    if (shape.ok && /^(nodes|walk|stepAddress)/.test(name)) continue;
    // A name of its own, so that each message is told from the last one.
    const file = `case-${index}.json`;
    await user.upload(input, new File([text], file, { type: 'application/json' }));
    const status = (
      await screen.findByText((content) => content.includes(file), { selector: '[role=status]' })
    ).textContent;
    if (shape.ok) {
      expect(status, name).toBe(`Opened ${file}. Undo brings back what was here before.`);
    } else {
      expect(status, name).toContain(`${file} is not a troubleshooter file the editor can open`);
      expect(status, name).toContain(`(${refusedAt}: `);
    }
  }
}, 120_000);

test.each(
  cases.filter(({ name }) => /^(nodes|walkQuestions|walkBytes|stepAddress) at /.test(name)),
)(
  'Open file: $name opens, and its walk limits are listed in Checks',
  async ({ text, refusedAt }) => {
    const { user } = renderApp('/edit');
    await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
    await user.upload(
      screen.getByLabelText('Open file'),
      new File([text], 't.json', { type: 'application/json' }),
    );
    const checks = screen.getByRole('region', { name: 'Checks' });
    if (refusedAt && refusedAt !== '$.nodes') {
      expect(within(checks).getByRole('status')).toHaveTextContent(/^1 problem to fix/);
    } else if (!refusedAt) {
      expect(within(checks).getByRole('status')).toHaveTextContent('No problems');
    }
  },
  120_000,
);
