import { screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Tree } from '../../engine/tree-schema';
import { renderApp } from '../../testing/render-app';
import { basedOnAfter, type Conflict } from './use-draft-sync';

// A draft begun from version 1 of q164887 while version 2 is deployed: once its author has
// compared it with version 2 and chosen, it is based on version 2, and stays so when the
// editor opens it again (docs/decisions/0061-a-publish-settles-its-drafts.md).
const archived = JSON.parse(readFileSync('public/trees/q164887.v1.json', 'utf8')) as Tree;
const KEY = 'tree:q164887';

function storeDraft(tree: Tree, basedOn: number) {
  localStorage.setItem(`troubleshooter:draft:${KEY}`, JSON.stringify(tree));
  localStorage.setItem(
    `troubleshooter:draft-note:${KEY}`,
    JSON.stringify({
      key: KEY,
      revision: 1,
      basedOn,
      savedAt: new Date().toISOString(),
      title: tree.title,
      treeId: tree.id,
    }),
  );
}

const note = () =>
  JSON.parse(localStorage.getItem(`troubleshooter:draft-note:${KEY}`) ?? '{}') as {
    basedOn?: number;
  };

async function openEditor() {
  const view = renderApp('/edit/q164887');
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });
  return view;
}

test('a draft compared with the deployed version is based on it from then on', async () => {
  storeDraft({ ...archived, title: 'My title' }, 1);
  const { user, unmount } = await openEditor();
  expect(
    screen.getByRole('heading', { name: 'Version 2 is deployed since this draft began' }),
  ).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Compare with version 2' }));
  const conflict = await screen.findByRole('region', {
    name: 'A newer version is deployed than the one this draft started from',
  });
  // The parts differ; the version number is not one of them.
  expect(within(conflict).queryByRole('group', { name: 'Version' })).not.toBeInTheDocument();
  expect(
    within(within(conflict).getByRole('group', { name: 'Title' })).getByRole('radio', {
      name: /^Keep yours/,
    }),
  ).toBeChecked();
  await user.click(within(conflict).getByRole('button', { name: 'Keep these choices' }));
  await waitFor(
    () =>
      expect(
        screen
          .getAllByRole('status')
          .some((status) => status.textContent?.startsWith('Saved in this browser')),
      ).toBe(true),
    { timeout: 10_000 },
  );
  expect(note().basedOn).toBe(2);
  expect(screen.queryByRole('heading', { name: /is deployed since/ })).not.toBeInTheDocument();
  unmount();

  // Opened again: based on version 2, with the author's title, and no comparison to ask for.
  await openEditor();
  expect(screen.getByRole('textbox', { name: /^Title$/ })).toHaveValue('My title');
  // It has changes, saved before: not "No changes yet".
  expect(
    screen
      .getAllByRole('status')
      .some((status) => status.textContent === 'No changes since you opened this draft'),
  ).toBe(true);
  expect(screen.queryByRole('heading', { name: /is deployed since/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Download q164887.json' })).toBeInTheDocument();
});

test('a draft that holds the deployed version is not behind it', async () => {
  const deployed = JSON.parse(readFileSync('public/trees/q164887.json', 'utf8')) as Tree;
  storeDraft({ ...deployed, version: 1 }, 1);
  await openEditor();
  expect(screen.queryByRole('heading', { name: /is deployed since/ })).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Download q164887.json' })).toBeInTheDocument();
});

test('the base once a conflict is settled: the deployed version compared with, or the other copy’s when later', () => {
  const conflict = (source: Conflict['source'], basedOn?: number): Conflict => ({
    source,
    theirs: archived,
    revision: 1,
    basedOn,
  });
  expect(basedOnAfter(conflict('deployed'), 2, 5)).toBe(5);
  expect(basedOnAfter(conflict('server', 4), 2, 5)).toBe(4);
  expect(basedOnAfter(conflict('tab', 1), 3, 5)).toBe(3);
  expect(basedOnAfter(conflict('server'), 3, 5)).toBe(3);
  expect(basedOnAfter(conflict('server', 2), undefined, undefined)).toBe(2);
});
