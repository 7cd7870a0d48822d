import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Tree, TreeNode } from '../../engine/tree-schema';
import { deleteDraft, hashText, readDraft, saveDraft, type StoredDraft } from './draft-store';

const KEY = 'new:store-test';

function bigTree(questions: number): Tree {
  const nodes: TreeNode[] = Array.from({ length: questions }, (_, at) => ({
    kind: 'question',
    id: `q${at}`,
    prompt: `Does step ${at} of the upgrade show the job as failed after a restart?`,
    help: ['Open the log of the client and look for the line that names the job.'],
    answers: [
      { slug: 'yes', label: 'Yes', next: at + 1 < questions ? `q${at + 1}` : 'done' },
      { slug: 'no', label: 'No', next: 'done' },
    ],
  }));
  nodes.push({ kind: 'outcome', id: 'done', type: 'diagnosis', title: 'Found', summary: 'It is.' });
  return { id: 'store-test', version: 1, title: 'Store', description: '', start: 'q0', nodes };
}

/** The draft as this page holds it after reading it: the nodes the editor edits. */
function opened(): StoredDraft {
  const read = readDraft(KEY);
  if (read.status !== 'ok') throw new Error(`not readable: ${JSON.stringify(read)}`);
  return read.draft;
}

function save(tree: Tree, revision: number): number {
  const result = saveDraft({ key: KEY, basedOn: undefined, tree }, revision);
  if (!result.ok) throw new Error(result.reason);
  return result.note.revision;
}

/** An edit as the editor makes one: a new node, the others kept. */
function reworded(tree: Tree, at: number, prompt: string): Tree {
  return {
    ...tree,
    nodes: tree.nodes.map((node, index) => (index === at ? { ...node, prompt } : node)),
  };
}

const writes: { name: string; length: number }[] = [];
const setItem = Storage.prototype.setItem;
beforeEach(() => {
  localStorage.clear();
  writes.length = 0;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
    this: Storage,
    name: string,
    value: string,
  ) {
    writes.push({ name, length: value.length });
    setItem.call(this, name, value);
  });
});
afterEach(() => {
  deleteDraft(KEY);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

test('a save after the first writes only what changed, and reads back whole', () => {
  const tree = bigTree(400);
  let revision = save(tree, 0);
  const whole = localStorage.getItem(`troubleshooter:draft:${KEY}`);
  const draft = opened();
  writes.length = 0;
  const edited = reworded({ ...draft.tree, title: 'Store, renamed' }, 7, 'Is it on?');
  revision = save(edited, revision);

  // The tree's own entry is as it was; the changes are a small entry of their own.
  expect(localStorage.getItem(`troubleshooter:draft:${KEY}`)).toBe(whole);
  expect(writes.map((write) => write.name)).toEqual([
    `troubleshooter:draft-patch:${KEY}`,
    `troubleshooter:draft-note:${KEY}`,
  ]);
  expect(writes[0]?.length).toBeLessThan(1000);
  const read = opened();
  expect(read.revision).toBe(revision);
  expect(read.tree).toEqual(edited);
});

test('nodes removed, added and moved are read back in their places', () => {
  let revision = save(bigTree(50), 0);
  const { tree } = opened();
  const [first, second, ...rest] = tree.nodes;
  const added: TreeNode = {
    kind: 'outcome',
    id: 'new',
    type: 'escalate',
    title: 'T',
    summary: 'S',
  };
  const edited = { ...tree, nodes: [second!, first!, added, ...rest.slice(3)] };
  revision = save(edited, revision);
  expect(opened().tree).toEqual(edited);
  // And again, from the tree as read back (the changes entry is written afresh each save).
  const again = reworded(opened().tree, 0, 'Moved and reworded');
  save(again, revision);
  expect(opened().tree).toEqual(again);
});

test('changes written to an older whole copy are already in the newer one', () => {
  const revision = save(bigTree(20), 0);
  const { tree } = opened();
  save(reworded(tree, 3, 'Edited'), revision);
  // Another tab wrote the tree whole since (its changes are removed after it: this is the
  // moment between the two writes).
  const newer = reworded(bigTree(20), 3, 'Edited');
  localStorage.setItem(`troubleshooter:draft:${KEY}`, JSON.stringify(newer));
  expect(opened().tree).toEqual(newer);
});

test('unreadable changes make a broken draft, which can be discarded', () => {
  const revision = save(bigTree(20), 0);
  const whole = localStorage.getItem(`troubleshooter:draft:${KEY}`) ?? '';
  save(reworded(opened().tree, 1, 'Edited'), revision);
  localStorage.setItem(
    `troubleshooter:draft-patch:${KEY}`,
    JSON.stringify({ base: hashText(whole), head: {}, nodes: [[0, 999]] }),
  );
  expect(readDraft(KEY)).toEqual({
    status: 'broken',
    problem: 'its latest changes in this browser cannot be read',
  });
  deleteDraft(KEY);
  expect(readDraft(KEY)).toEqual({ status: 'none' });
  expect(localStorage.getItem(`troubleshooter:draft-patch:${KEY}`)).toBeNull();
});

test('a whole copy written by another tab is not patched: the tree is written whole', () => {
  const revision = save(bigTree(20), 0);
  const { tree } = opened();
  // Another tab (the same revision: it wrote the content whole again) changed the copy.
  const note = JSON.parse(localStorage.getItem(`troubleshooter:draft-note:${KEY}`) ?? '{}');
  localStorage.setItem(
    `troubleshooter:draft-note:${KEY}`,
    JSON.stringify({ ...note, treeHash: 'other' }),
  );
  writes.length = 0;
  const edited = reworded(tree, 2, 'Edited');
  save(edited, revision);
  expect(writes[0]?.name).toBe(`troubleshooter:draft:${KEY}`);
  expect(opened().tree).toEqual(edited);
});

test('grown changes are written whole when the page is idle, at the same revision', () => {
  vi.useFakeTimers();
  const revision = save(bigTree(1000), 0);
  let { tree } = opened();
  for (let at = 0; at < 300; at += 1) tree = reworded(tree, at, `Question ${at}, reworded`);
  const saved = save(tree, revision);
  const changes = () => localStorage.getItem(`troubleshooter:draft-patch:${KEY}`)?.length;
  expect(changes()).toBeGreaterThan(64 * 1024);
  vi.runAllTimers();
  expect(changes()).toBeUndefined();
  const read = opened();
  expect(read.revision).toBe(saved);
  expect(read.tree).toEqual(tree);
  expect(read.treeHash).toBe(hashText(localStorage.getItem(`troubleshooter:draft:${KEY}`) ?? ''));
});
