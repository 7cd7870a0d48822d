import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { makePrinterTree } from '../../testing/printer-tree';
import { DraftConflict } from './draft-conflict';
import type { Conflict } from './use-draft-sync';

const base = makePrinterTree();
const conflict: Conflict = {
  source: 'server',
  theirs: { ...base, title: 'Title by Ann', description: 'Described by Ann' },
  by: 'ann@example.com',
  revision: 3,
  base,
};

test('a part the author changes while the panel is open is theirs to keep: the choice follows, never silently the colleague’s', async () => {
  const user = userEvent.setup();
  const onResolve = vi.fn();
  const mine = { ...base, description: 'Described by Bob' };
  const view = render(<DraftConflict conflict={conflict} mine={mine} onResolve={onResolve} />);
  const title = () => screen.getByRole('group', { name: /^Title/ });
  const description = () => screen.getByRole('group', { name: /^Description/ });
  // Only Ann changed the title: hers is chosen. Both changed the description: Bob's.
  expect(within(title()).getByRole('radio', { name: /^Keep saved by ann/ })).toBeChecked();
  expect(description()).toHaveAccessibleName('Description (changed on both sides)');
  expect(within(description()).getByRole('radio', { name: /^Keep yours/ })).toBeChecked();

  // Bob types a title of his own while the panel is open.
  const typed = { ...mine, title: 'Title by Bob' };
  view.rerender(<DraftConflict conflict={conflict} mine={typed} onResolve={onResolve} />);
  expect(title()).toHaveAccessibleName('Title (changed on both sides)');
  expect(within(title()).getByRole('radio', { name: /^Keep yours/ })).toBeChecked();

  // What the author picks stays picked while the two sides stay as they were.
  await user.click(within(description()).getByRole('radio', { name: /^Keep saved by ann/ }));
  view.rerender(<DraftConflict conflict={conflict} mine={{ ...typed }} onResolve={onResolve} />);
  expect(within(description()).getByRole('radio', { name: /^Keep saved by ann/ })).toBeChecked();

  await user.click(screen.getByRole('button', { name: 'Keep these choices' }));
  expect(onResolve).toHaveBeenCalledWith(
    expect.objectContaining({ title: 'Title by Bob', description: 'Described by Ann' }),
  );
});
