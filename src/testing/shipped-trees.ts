import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tree } from '../engine/tree-schema';
import { validateTree } from '../engine/validate-tree';

const treesDir = path.resolve(process.cwd(), 'public', 'trees');

/** The raw JSON of every tree listed in public/trees/index.json. */
export function readShippedTrees(): unknown[] {
  const index = JSON.parse(readFileSync(path.join(treesDir, 'index.json'), 'utf8')) as {
    trees: { id: string }[];
  };
  return index.trees.map(
    (entry) => JSON.parse(readFileSync(path.join(treesDir, `${entry.id}.json`), 'utf8')) as unknown,
  );
}

/** The same trees, validated by the app's own validator (a broken shipped tree fails loudly). */
export function shippedTrees(): Tree[] {
  return readShippedTrees().map((json) => {
    const result = validateTree(json);
    if (!result.ok)
      throw new Error(`a shipped tree is invalid: ${JSON.stringify(result.problems)}`);
    return result.value;
  });
}
