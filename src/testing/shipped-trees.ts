import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tree } from '../engine/tree-schema';
import { validateTreeFile } from '../engine/validate-tree';

const treesDir = path.resolve(process.cwd(), 'public', 'trees');

function shippedFiles(): { file: string; json: unknown }[] {
  const index = JSON.parse(readFileSync(path.join(treesDir, 'index.json'), 'utf8')) as {
    trees: { id: string }[];
  };
  return index.trees.map((entry) => {
    const file = `trees/${entry.id}.json`;
    return { file, json: JSON.parse(readFileSync(path.resolve(treesDir, '..', file), 'utf8')) };
  });
}

/** The raw JSON of every tree listed in public/trees/index.json. */
export function readShippedTrees(): unknown[] {
  return shippedFiles().map(({ json }) => json);
}

/** The same trees, validated as the app reads them (a broken shipped tree fails loudly). */
export function shippedTrees(): Tree[] {
  return shippedFiles().map(({ file, json }) => {
    const result = validateTreeFile(file, json);
    if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.problems)}`);
    return result.value;
  });
}

/**
 * The archived versions shipped beside a tree (`public/trees/<id>.v<N>.json`, ADR 8), each
 * validated as the app reads it, oldest first.
 */
export function shippedArchives(tree: Tree): Tree[] {
  return Array.from({ length: tree.version - 1 }, (_, index) => index + 1)
    .map((version) => `trees/${tree.id}.v${version}.json`)
    .filter((file) => existsSync(path.resolve(treesDir, '..', file)))
    .map((file) => {
      const json: unknown = JSON.parse(readFileSync(path.resolve(treesDir, '..', file), 'utf8'));
      const result = validateTreeFile(file, json);
      if (!result.ok) throw new Error(`${file} is invalid: ${JSON.stringify(result.problems)}`);
      return result.value;
    });
}
