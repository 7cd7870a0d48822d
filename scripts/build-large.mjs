// Builds dist-large/: the app with the shipped troubleshooters and two generated ones
// (scripts/scale-trees.mjs): 200 questions in a line, for the browser test that walks a large
// tree from a deep step URL with JavaScript on and off, and a full two-answer tree of 511
// questions with ordinary text, whose map's list comes in parts (e2e/large-tree.spec.ts). The same
// steps as `npm run build`, with the tree added between the client build and the prerender,
// so the repository's public/ is not touched. scripts/fresh-build.mjs runs it when the
// sources changed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deepTree, fullTree, indexEntry } from './scale-trees.mjs';

export const LARGE_BUILD = { dir: 'dist-large', base: '/', script: 'scripts/build-large.mjs' };
export const LARGE_TREE = { id: 'large-line', questions: 200 };
export const FULL_TREE = { id: 'large-full', depth: 9 };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = { ...process.env, DIST_DIR: LARGE_BUILD.dir, BASE_PATH: LARGE_BUILD.base };
  const run = (script, args) =>
    execFileSync(process.execPath, [script, ...args], { stdio: 'inherit', env });
  const vite = path.join('node_modules', 'vite', 'bin', 'vite.js');
  run(vite, ['build', '--logLevel', 'warn']);
  run(vite, ['build', '-c', 'vite.embed.config.ts', '--logLevel', 'warn']);
  run(vite, ['build', '--ssr', 'src/prerender/prerender-site.ts', '--logLevel', 'warn']);

  const trees = path.join(LARGE_BUILD.dir, 'trees');
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

  run('scripts/prerender.mjs', []);
  run('scripts/fresh-build.mjs', ['--stamp']);
}
