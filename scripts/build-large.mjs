// dist-large/: the app with the shipped troubleshooters and two generated ones
// (scripts/scale-trees.mjs): 60 questions in a line (about the longest the rulebook's walk
// limit allows with ordinary text), for the browser test that walks a large
// tree from a deep step URL with JavaScript on and off, and a full two-answer tree of 511
// questions with ordinary text, whose map's list comes in parts (e2e/large-tree.spec.ts).
// Built by scripts/build-with-trees.mjs (the repository's public/ is not touched), which
// scripts/fresh-build.mjs runs when the sources changed.
//
//   node scripts/build-large.mjs     builds it alone
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWithTrees } from './build-with-trees.mjs';
import { deepTree, fullTree, indexEntry } from './scale-trees.mjs';

export const LARGE_TREE = { id: 'large-line', questions: 60 };
export const FULL_TREE = { id: 'large-full', depth: 9 };

export const LARGE_BUILD = {
  dir: 'dist-large',
  base: `/ with a line of ${LARGE_TREE.questions} questions and a full tree ${FULL_TREE.depth} deep`,
  addTrees(trees) {
    const added = [
      deepTree(LARGE_TREE.id, LARGE_TREE.questions, `A line of ${LARGE_TREE.questions} questions`),
      fullTree(FULL_TREE.id, FULL_TREE.depth),
    ];
    const index = JSON.parse(readFileSync(path.join(trees, 'index.json'), 'utf8'));
    for (const tree of added) {
      writeFileSync(path.join(trees, `${tree.id}.json`), `${JSON.stringify(tree, null, 2)}\n`);
      index.trees.push(indexEntry(tree));
    }
    writeFileSync(path.join(trees, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWithTrees(process.cwd(), [LARGE_BUILD]);
}
