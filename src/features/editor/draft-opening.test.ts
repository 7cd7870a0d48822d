import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Tree } from '../../engine/tree-schema';
import { openDraft } from './draft-opening';
import type { ReadDraft, StoredDraft } from './draft-store';
import type { ServerDraft } from './server-drafts';

// What the editor opens once a publish has settled a draft (docs/decisions/
// 0061-a-publish-settles-its-drafts.md): the server removed it, or it holds what is deployed.
const deployed = JSON.parse(readFileSync('public/trees/q164887.json', 'utf8')) as Tree;
// The deployed content as the draft started it, a version before.
const before = { ...deployed, version: deployed.version - 1 };
const key = 'tree:q164887';

function stored(tree: Tree, note: Partial<StoredDraft>): ReadDraft {
  return {
    status: 'ok',
    draft: {
      key,
      revision: 3,
      basedOn: before.version,
      savedAt: new Date().toISOString(),
      title: tree.title,
      treeId: tree.id,
      tree,
      ...note,
    },
  };
}

const serverCopy = (tree: Tree, basedOn: number): ServerDraft => ({
  key,
  treeId: tree.id,
  basedOn,
  revision: 5,
  tree,
  updatedAt: new Date().toISOString(),
  updatedBy: 'author@example.com',
});

const open = (local: ReadDraft, server: ServerDraft | null | undefined) =>
  openDraft({ key, deployed, local, server, idsInUse: [] });

test('a copy in this browser the server had and has no more is settled: the deployed version opens, and the copy goes', () => {
  const opening = open(stored({ ...before, title: 'Mine' }, { serverRevision: 4 }), null);
  expect(opening).toMatchObject({
    tree: deployed,
    basedOn: deployed.version,
    localRevision: 0,
    saved: true,
    dropLocal: true,
  });
});

test('a copy in this browser with changes the server never had is still sent, as it was', () => {
  const mine = { ...before, title: 'Mine' };
  expect(open(stored(mine, { serverRevision: 4, unsent: true }), null)).toMatchObject({
    tree: mine,
    basedOn: before.version,
    saved: false,
  });
  expect(open(stored(mine, {}), null)).toMatchObject({ tree: mine, saved: false });
  expect(open(stored(mine, {}), null).dropLocal).toBeUndefined();
});

test('a draft that holds what is deployed is based on it, whatever version it started from', () => {
  // On the server, saved before publishes settled drafts: based on the version before.
  expect(open({ status: 'none' }, serverCopy(before, before.version))).toMatchObject({
    basedOn: deployed.version,
    tree: deployed,
  });
  // Only in this browser.
  expect(open(stored(before, {}), undefined)).toMatchObject({
    basedOn: deployed.version,
  });
  // A draft with a change of its own stays behind, to be compared.
  expect(
    open({ status: 'none' }, serverCopy({ ...before, title: 'Mine' }, before.version)),
  ).toMatchObject({ basedOn: before.version, tree: { title: 'Mine' } });
});
