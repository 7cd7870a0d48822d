import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../testing/render-app';

async function openEditor(url: string) {
  const view = renderApp(url);
  // The first render loads the editor's code (a transform in Vitest).
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  return view;
}

test('the outline lists each question with its answers and the outcomes, and the arrow keys select', async () => {
  const { user } = await openEditor('/edit/q164887');
  const outline = screen.getByRole('tree', { name: 'Outline' });
  const questions = within(outline).getAllByRole('treeitem', { name: /^Question/ });
  expect(questions).toHaveLength(6);
  expect(within(questions[0]!).getAllByRole('treeitem')).toHaveLength(3);

  within(outline).getAllByRole('treeitem')[0]!.focus();
  await user.keyboard('{ArrowDown}');
  expect(
    screen.getByRole('heading', { level: 2, name: /^Question: Is the client managed/ }),
  ).toBeInTheDocument();
  await user.keyboard('{ArrowDown}');
  const answer = within(questions[0]!).getAllByRole('treeitem')[0]!;
  expect(answer).toHaveTextContent(/^Yes, SMS 1\.2 → Is the job/);
  expect(answer).toHaveFocus();
  expect(answer).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{ArrowLeft}{ArrowLeft}');
  expect(questions[0]).toHaveAttribute('aria-expanded', 'false');
});

test('an edit is checked at once, the problem names its field, and undo takes it back', async () => {
  const { user } = await openEditor('/edit/q164887');
  const title = screen.getByRole('textbox', { name: 'Title' });
  await user.clear(title);
  const checks = screen.getByRole('region', { name: 'Checks' });
  expect(within(checks).getByRole('status')).toHaveTextContent('1 problem to fix');
  expect(title).toHaveAccessibleDescription('must not be empty');
  expect(title).toHaveAttribute('aria-invalid', 'true');

  await user.click(
    within(checks).getByRole('button', { name: 'Troubleshooter, title: must not be empty' }),
  );
  expect(title).toHaveFocus();
  await user.click(screen.getByRole('button', { name: 'Undo' }));
  expect(title).toHaveValue('Windows NT upgrade job runs again at every restart (SMS 1.2)');
  expect(within(checks).getByRole('status')).toHaveTextContent('No problems');
  await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  expect(title).toHaveValue('');
});

test('a removed answer shows which shared links no longer fit, and publishing raises the version', async () => {
  const { user } = await openEditor('/edit/q164887');
  await user.click(screen.getByRole('treeitem', { name: /^Question, first question/ }));
  await user.click(screen.getByRole('button', { name: 'Remove answer 2' }));
  await user.click(screen.getByRole('tab', { name: 'Impact and publishing' }));
  const panel = screen.getByRole('tabpanel', { name: 'Impact and publishing' });
  expect(panel).toHaveTextContent('Answers removed (1): “Not sure” of');
  expect(panel).toHaveTextContent('Publish this as version 3');
  const links = within(within(panel).getByRole('list', { name: /^Step links/ })).getAllByRole(
    'listitem',
  );
  expect(links[0]).toHaveTextContent(/^version-unsure: no longer valid/);
  expect(links[0]).toHaveTextContent('“Not sure” is no longer offered for');
  expect(within(panel).getByRole('button', { name: /q164887\.json \(version 3\)/ })).toBeVisible();
  expect(within(panel).getByRole('button', { name: /q164887\.v2\.json/ })).toBeVisible();
});

test('a new troubleshooter: an answer leads to a question made on the spot, previewed with the real screens', async () => {
  const { user } = await openEditor('/edit');
  await user.click(screen.getByRole('treeitem', { name: /^Question, first question/ }));
  await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Is it on?');
  expect(screen.getByRole('textbox', { name: 'Id' })).toHaveValue('is-it-on');
  await user.click(screen.getByRole('button', { name: 'New question for answer 1' }));
  expect(
    screen.getByRole('heading', { level: 2, name: /^Question: \(new-question\)/ }),
  ).toHaveFocus();
  await user.type(screen.getByRole('textbox', { name: 'Question' }), 'Is there paper?');
  await user.click(screen.getByRole('button', { name: 'New outcome for answer 1' }));
  await user.click(screen.getByRole('treeitem', { name: /^Question: Is there paper/ }));
  // Its second answer leads nowhere yet: the preview still walks, and says so there.
  await user.click(screen.getByRole('button', { name: 'Preview from here' }));
  await user.click(
    within(screen.getByRole('tabpanel', { name: 'Preview' })).getAllByRole('link', {
      name: 'No',
    })[0]!,
  );
  expect(
    within(screen.getByRole('tabpanel', { name: 'Preview' })).getByRole('heading', { level: 1 }),
  ).toHaveTextContent('This answer does not lead anywhere yet');
  await user.click(screen.getByRole('button', { name: 'New outcome for answer 2' }));
  await user.click(screen.getByRole('treeitem', { name: /^Question: Is there paper/ }));
  await user.click(screen.getByRole('button', { name: 'Preview from here' }));
  const preview = screen.getByRole('tabpanel', { name: 'Preview' });
  expect(within(preview).getByRole('heading', { level: 1 })).toHaveTextContent('Is there paper?');
  expect(within(preview).getByText('Question 2 of at most 2')).toBeInTheDocument();
  // The screen's own answer links move the preview, not the page.
  await user.click(within(preview).getByRole('link', { name: 'Yes' }));
  expect(within(preview).queryByText('Question 2 of at most 2')).not.toBeInTheDocument();
  expect(screen.getByRole('tree', { name: 'Outline' })).toBeInTheDocument();
  // Saved in this browser as it went.
  await screen.findByText('Saved in this browser', {}, { timeout: 5000 });
  await user.click(screen.getByRole('tab', { name: 'Drafts' }));
  expect(screen.getByRole('tabpanel', { name: 'Drafts' })).toHaveTextContent(/\(open\), saved/);
});

test('the page keeps the editor’s title while the preview shows a question', async () => {
  await openEditor('/edit/q164887');
  // The preview (every panel is on the page in jsdom) shows question 1 with its own screen.
  expect(
    await screen.findByRole('heading', { name: /Is the client managed by Systems Management/ }),
  ).toBeInTheDocument();
  expect(document.title).toMatch(/^Edit: Windows NT upgrade job/);
});
