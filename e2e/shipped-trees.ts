import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tree } from '../src/engine/tree-schema';
import { validateTree } from '../src/engine/validate-tree';

const treesDir = path.resolve(import.meta.dirname, '..', 'public', 'trees');

/** Every tree listed in public/trees/index.json, validated by the app's own validator. */
export function shippedTrees(): Tree[] {
  const index = JSON.parse(readFileSync(path.join(treesDir, 'index.json'), 'utf8')) as {
    trees: { id: string }[];
  };
  return index.trees.map((entry) => {
    const result = validateTree(
      JSON.parse(readFileSync(path.join(treesDir, `${entry.id}.json`), 'utf8')),
    );
    if (!result.ok)
      throw new Error(`${entry.id}.json is invalid: ${JSON.stringify(result.problems)}`);
    return result.value;
  });
}
