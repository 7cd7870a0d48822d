import { screen } from '@testing-library/react';
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
    // Every refused file; of the accepted ones, those the editor reads differently (a
    // byte-order mark, the file at its size limit, line breaks, the largest version). Each
    // text field at its limit is accepted by the same rulebook (limits-table.test.ts); the
    // over-limit walks are opened like any tree whose shape holds, and listed in Checks by
    // checkDraft, the same rulebook (tested in the engine).
    const shape = readTreeShapeText(text);
    if (shape.ok && !/^(the smallest|a byte-order|fileBytes|a summary|version)/.test(name))
      continue;
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
}, 300_000);
