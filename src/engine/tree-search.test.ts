import { expect, test } from 'vitest';
import { shippedTrees } from '../testing/shipped-trees';
import { searchWords, treeSearchEntry } from './tree-search';

test('words lose the punctuation around them, not the dots inside', () => {
  expect(searchWords(' Package Command Manager (PCM), run as Pcmsvc32.exe. ')).toEqual([
    'package',
    'command',
    'manager',
    'pcm',
    'run',
    'as',
    'pcmsvc32.exe',
  ]);
});

test('every step of a shipped tree is in its search entry, each word once', () => {
  for (const tree of shippedTrees()) {
    const entry = treeSearchEntry(tree);
    expect(entry.nodes).toHaveLength(tree.nodes.length);
    for (const node of entry.nodes) {
      const words = node.words.split(' ');
      expect(new Set(words).size).toBe(words.length);
    }
  }
});
