import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  bringUpToDate,
  draftDifferences,
  mergeDrafts,
  mergeWithoutAsking,
  sameContent,
} from './draft-merge';
import type { Tree } from './tree-schema';

const deployed = JSON.parse(readFileSync('public/trees/q164887.json', 'utf8')) as Tree;
const archived = JSON.parse(readFileSync('public/trees/q164887.v1.json', 'utf8')) as Tree;

/** The same tree with every object's keys in the opposite order (as a database may return it). */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reordered(inner)]),
    ) as T;
  }
  return value;
}

test('the version number is never a part to choose, and the merged copy keeps the higher one', () => {
  const mine = { ...archived, title: 'Mine' };
  const differences = draftDifferences(mine, deployed, archived);
  expect(differences.map((difference) => difference.label)).not.toContain('Version');
  expect(differences.some((difference) => difference.part === 'field:version')).toBe(false);
  expect(differences.find((difference) => difference.part === 'field:title')).toMatchObject({
    suggested: 'mine',
  });
  const choices = Object.fromEntries(differences.map((d) => [d.part, d.suggested]));
  expect(mergeDrafts(mine, deployed, choices)).toMatchObject({
    title: 'Mine',
    version: deployed.version,
  });
  expect(mergeDrafts(deployed, mine, {}).version).toBe(deployed.version);
});

test('two copies that differ only in their version number or the order of their keys have nothing to choose', () => {
  const copy = reordered({ ...deployed, version: deployed.version + 4 });
  expect(draftDifferences(copy, deployed)).toEqual([]);
  expect(sameContent(copy, deployed)).toBe(true);
  expect(sameContent({ ...copy, description: 'Other' }, deployed)).toBe(false);
  expect(sameContent(archived, deployed)).toBe(false);
});

test('changes to different parts on each side merge without asking; a part changed on both sides does not', () => {
  const [first, second] = deployed.nodes;
  if (first?.kind !== 'question' || !second) throw new Error('q164887 starts with a question');
  const mine = {
    ...deployed,
    description: 'Described by B',
    nodes: [{ ...first, prompt: 'Prompt by B' }, ...deployed.nodes.slice(1)],
  };
  const theirs = { ...deployed, title: 'Title by A', nodes: deployed.nodes.slice(0, -1) };
  const merged = mergeWithoutAsking(mine, theirs, deployed);
  expect(merged?.tree).toMatchObject({
    title: 'Title by A',
    description: 'Described by B',
    nodes: [{ ...first, prompt: 'Prompt by B' }, ...deployed.nodes.slice(1, -1)],
  });
  expect(merged?.fromTheirs.map((difference) => difference.label)).toEqual([
    'Title',
    expect.stringMatching(/^Outcome “/),
  ]);

  expect(mergeWithoutAsking({ ...mine, title: 'Title by B' }, theirs, deployed)).toBeUndefined();
  expect(mergeWithoutAsking(mine, theirs, undefined)).toBeUndefined();
});

test('a copy brought up to date keeps both sides’ changes to different parts, and names the parts both changed', () => {
  const base = deployed;
  const repeats = (tree: Tree, prompt: string): Tree => ({
    ...tree,
    nodes: tree.nodes.map((node) =>
      node.id === 'repeats' && node.kind === 'question' ? { ...node, prompt } : node,
    ),
  });
  const theirs = { ...repeats(base, 'Theirs?'), title: 'New title', version: base.version + 1 };
  const mine = { ...base, description: 'New description' };

  const clean = bringUpToDate(mine, theirs, base);
  expect(clean.conflicts).toEqual([]);
  expect(clean.tree).toMatchObject({
    title: 'New title',
    description: 'New description',
    version: base.version + 1,
  });
  expect(clean.tree.nodes.find((node) => node.id === 'repeats')).toMatchObject({
    prompt: 'Theirs?',
  });
  // Nothing of theirs is undone: what is left between them is mine alone.
  expect(draftDifferences(clean.tree, theirs).map((d) => d.part)).toEqual(['field:description']);

  // Both changed the title and the question, differently: two conflicts, theirs kept meanwhile
  // (with mine's description, which merges cleanly).
  const clash = bringUpToDate({ ...repeats(mine, 'Mine?'), title: 'My title' }, theirs, base);
  expect(clash.conflicts.map((conflict) => conflict.label)).toEqual(['Title', `Question “Mine?”`]);
  expect(draftDifferences(clash.tree, theirs).map((d) => d.part)).toEqual(['field:description']);
  // The same change on both sides is no conflict.
  expect(bringUpToDate({ ...mine, title: 'New title' }, theirs, base).conflicts).toEqual([]);
  // Without the base nothing can tell who changed what: every difference is a conflict.
  expect(bringUpToDate(mine, theirs, undefined).conflicts.map((d) => d.part)).toEqual([
    'field:title',
    'field:description',
    'node:repeats',
  ]);
});
