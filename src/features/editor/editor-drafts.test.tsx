import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../testing/render-app';

async function openEditor(url: string) {
  const view = renderApp(url);
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  return view;
}

test('a new troubleshooter’s id follows its title, and an id already published is refused where it is typed', async () => {
  const { user } = await openEditor('/edit');
  const id = screen.getByRole('textbox', { name: 'Id' });
  expect(id).toHaveValue('new-troubleshooter');
  await user.type(screen.getByRole('textbox', { name: /^Title$/ }), 'Printer jams');
  expect(id).toHaveValue('printer-jams');

  await user.clear(id);
  await user.type(id, 'q164887');
  expect(id).toHaveAttribute('aria-invalid', 'true');
  expect(id).toHaveAccessibleDescription(
    /is already used by the published troubleshooter “Windows NT upgrade job runs again/,
  );
  await user.click(screen.getByRole('tab', { name: 'Publishing' }));
  const panel = screen.getByRole('tabpanel', { name: 'Publishing' });
  expect(panel).toHaveTextContent('No download yet: the id “q164887” is already used by');
  expect(within(panel).queryByRole('button', { name: /^Download/ })).not.toBeInTheDocument();
});

test('a removal is announced and undone with Ctrl+Z while focus is in the outline; undo says where its history ends', async () => {
  const { user } = await openEditor('/edit/q164887');
  const outline = screen.getByRole('tree', { name: 'Outline' });
  const questions = () => within(outline).getAllByRole('treeitem', { name: /^Question/ });
  expect(questions()).toHaveLength(6);
  await user.click(questions()[1]!);
  await user.click(screen.getByRole('button', { name: 'Remove question' }));
  expect(questions()).toHaveLength(5);
  expect(
    screen.getByText(/^Removed the question “.+”\. Undo \(Ctrl\+Z\) brings it back\.$/),
  ).toBeInTheDocument();
  await waitFor(() => expect(within(outline).getAllByRole('treeitem')[0]).toHaveFocus());

  await user.keyboard('{Control>}z{/Control}');
  expect(questions()).toHaveLength(6);
  expect(screen.getByText('Undone.')).toBeInTheDocument();
  await user.keyboard('{Control>}z{/Control}');
  expect(
    screen.getByText('Nothing more to undo: this is where the history starts.'),
  ).toBeInTheDocument();
});

test('Ctrl+Z after Add question takes the question away and puts focus on the heading of what is selected then, not on the page', async () => {
  const { user } = await openEditor('/edit/q164887');
  const outline = screen.getByRole('tree', { name: 'Outline' });
  const questions = () => within(outline).getAllByRole('treeitem', { name: /^Question/ });
  expect(questions()).toHaveLength(6);
  await user.click(screen.getByRole('button', { name: 'Add question' }));
  expect(questions()).toHaveLength(7);
  const added = screen.getByRole('heading', { level: 2, name: /question/i });
  await waitFor(() => expect(added).toHaveFocus());

  await user.keyboard('{Control>}z{/Control}');
  expect(questions()).toHaveLength(6);
  expect(screen.getByText('Undone.')).toBeInTheDocument();
  expect(added).not.toBeInTheDocument();
  // Nothing is selected once the question is gone: the troubleshooter's own fields are.
  await waitFor(() =>
    expect(screen.getByRole('heading', { level: 2, name: 'Troubleshooter' })).toHaveFocus(),
  );
});

test('a section is added without a problem of its own beyond its heading, which takes focus', async () => {
  const { user } = await openEditor('/edit/q164887');
  await user.click(screen.getAllByRole('treeitem', { name: /^Diagnosis/ })[0]!);
  const checks = screen.getByRole('region', { name: 'Checks' });
  expect(within(checks).getByRole('status')).toHaveTextContent('No problems');
  await user.click(screen.getByRole('button', { name: 'Add section' }));
  await waitFor(() =>
    expect(screen.getAllByRole('textbox', { name: /^Heading/ }).at(-1)).toHaveFocus(),
  );
  await user.keyboard('Before you start');
  expect(within(checks).getByRole('status')).toHaveTextContent(
    'No problems: nothing to fix before publishing.',
  );
});

test('opening /edit offers the last draft', async () => {
  const tree = {
    id: 'printer-jams',
    version: 1,
    title: 'Printer jams',
    description: '',
    start: 'q',
    nodes: [],
  };
  localStorage.setItem('troubleshooter:draft:new:abc123', JSON.stringify(tree));
  localStorage.setItem(
    'troubleshooter:draft-note:new:abc123',
    JSON.stringify({
      key: 'new:abc123',
      revision: 2,
      savedAt: new Date().toISOString(),
      title: 'Printer jams',
      treeId: 'printer-jams',
    }),
  );
  const { user } = await openEditor('/edit');
  await user.click(screen.getByRole('link', { name: 'continue “Printer jams”' }));
  await waitFor(() =>
    expect(screen.getByRole('textbox', { name: /^Title$/ })).toHaveValue('Printer jams'),
  );
});

test('storage that refuses the draft is said beside the Saved state', async () => {
  const { user } = await openEditor('/edit/q164887');
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = () => {
    throw new DOMException('full', 'QuotaExceededError');
  };
  try {
    await user.type(screen.getByRole('textbox', { name: 'Description' }), ' More.');
    expect(
      await screen.findByText(
        /^Not saved: this browser refuses to keep the draft/,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  } finally {
    Storage.prototype.setItem = original;
  }
});
