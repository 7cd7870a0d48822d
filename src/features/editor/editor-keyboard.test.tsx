import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../testing/render-app';

/** Presses Tab until `target` has focus, and says how many presses it took (at most 100). */
async function tabsTo(user: ReturnType<typeof renderApp>['user'], target: HTMLElement) {
  for (let presses = 1; presses <= 100; presses += 1) {
    await user.tab();
    if (document.activeElement === target) return presses;
  }
  return Infinity;
}

async function firstQuestion() {
  const view = renderApp('/edit/q164887');
  const outline = await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  await view.user.click(within(outline).getAllByRole('treeitem', { name: /^Question/ })[0]!);
  const heading = screen.getByRole('heading', { level: 2, name: /^Question:/ });
  heading.focus();
  return { ...view, heading };
}

test('a question’s first “Leads to” and “Add answer” are a few Tab presses from its heading', async () => {
  const { user, heading } = await firstQuestion();
  const leadsTo = screen.getAllByRole('combobox', { name: 'Leads to' })[0]!;
  const addAnswer = screen.getByRole('button', { name: 'Add answer' });
  // Each group of buttons (move, remove; new question, new outcome) is one Tab stop: with a
  // button each, they were 19 and 47 presses (issue 24).
  expect(await tabsTo(user, leadsTo)).toBe(14);
  heading.focus();
  expect(await tabsTo(user, addAnswer)).toBe(33);
});

test('the “Go to” buttons under a question’s heading skip to its answers and to “Add answer”', async () => {
  const { user, heading } = await firstQuestion();
  const goTo = screen.getByRole('toolbar', { name: 'Go to' });
  expect(await tabsTo(user, within(goTo).getByRole('button', { name: 'Go to answers' }))).toBe(1);
  await user.keyboard('{Enter}');
  expect(screen.getByRole('heading', { level: 3, name: 'Answers' })).toHaveFocus();
  expect(await tabsTo(user, screen.getAllByRole('combobox', { name: 'Leads to' })[0]!)).toBe(3);

  heading.focus();
  await user.tab();
  await user.keyboard('{ArrowRight}');
  expect(within(goTo).getByRole('button', { name: 'Go to “Add answer”' })).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(screen.getByRole('button', { name: 'Add answer' })).toHaveFocus();
});

test('the arrow keys move within a group of buttons, and Tab passes it', async () => {
  const { user } = await firstQuestion();
  const bar = screen.getByRole('toolbar', { name: 'Move or remove answer 1' });
  const [up, down, remove] = within(bar).getAllByRole('button');
  up!.focus();
  await user.keyboard('{ArrowRight}');
  expect(down).toHaveFocus();
  await user.keyboard('{End}');
  expect(remove).toHaveFocus();
  await user.keyboard('{ArrowRight}');
  expect(up).toHaveFocus();
  await user.keyboard('{ArrowLeft}');
  expect(remove).toHaveFocus();
  // Tab leaves the group, and Shift+Tab comes back to the button last used.
  await user.tab();
  for (const button of [up, down, remove]) expect(button).not.toHaveFocus();
  await user.tab({ shift: true });
  expect(remove).toHaveFocus();
});
