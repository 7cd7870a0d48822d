// dist-large/: the app with the shipped troubleshooters and one generated one of 200
// questions in a line (scripts/scale-trees.mjs), for the browser test that walks a large
// tree from a deep step URL with JavaScript on and off (e2e/large-tree.spec.ts). Built by
// scripts/build-with-trees.mjs (the repository's public/ is not touched), which
// scripts/fresh-build.mjs runs when the sources changed.
//
//   node scripts/build-large.mjs     builds it alone
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWithTrees } from './build-with-trees.mjs';
import { deepTree, indexEntry } from './scale-trees.mjs';

export const LARGE_TREE = { id: 'large-line', questions: 200 };

export const LARGE_BUILD = {
  dir: 'dist-large',
  base: `/ with a line of ${LARGE_TREE.questions} questions`,
  addTrees(trees) {
    const tree = deepTree(
      LARGE_TREE.id,
      LARGE_TREE.questions,
      `A line of ${LARGE_TREE.questions} questions`,
    );
    writeFileSync(path.join(trees, `${tree.id}.json`), `${JSON.stringify(tree, null, 2)}\n`);
    const index = JSON.parse(readFileSync(path.join(trees, 'index.json'), 'utf8'));
    index.trees.push(indexEntry(tree));
    writeFileSync(path.join(trees, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWithTrees(process.cwd(), [LARGE_BUILD]);
}
