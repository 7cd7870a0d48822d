import { readFileSync } from 'node:fs';
import path from 'node:path';

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
