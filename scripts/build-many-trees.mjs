// Builds dist-many/: the app as `npm run build` builds it, with 60 generated troubleshooters
// before the shipped one and a list of 10 a page (7 pages), for the browser tests of a list
// longer than a page (e2e/many-trees.spec.ts, e2e/calm-loading.spec.ts). The same steps as
// the build, as `npm run bench:scale` runs them: the trees are put in after the client build
// has copied public/, and the prerender runs on them (about 900 pages).
//
//   node scripts/build-many-trees.mjs     (scripts/fresh-build.mjs runs it when out of date)
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chainTree, indexEntry } from './scale-trees.mjs';

/** What fresh-build.mjs compares its stamp with: the sources and this build's own shape. */
export const MANY_TREES_BUILD = {
  dir: 'dist-many',
  base: '/ with 60 generated trees, 10 a page',
  trees: 60,
  pageSize: 10,
};

export async function buildManyTrees(root = process.cwd()) {
  const { dir, trees: count, pageSize } = MANY_TREES_BUILD;
  const site = path.join(root, dir);
  const env = { ...process.env, BASE_PATH: '/', DIST_DIR: dir };
  // The steps of `npm run build` (its client build empties the folder first), with other trees.
  const vite = (...args) =>
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...args],
      { cwd: root, stdio: 'inherit', env },
    );
  vite('--logLevel', 'warn');
  vite('-c', 'vite.embed.config.ts', '--logLevel', 'warn');
  vite('--ssr', 'src/prerender/prerender-site.ts', '--logLevel', 'warn');

  const treesDir = path.join(site, 'trees');
  const shipped = JSON.parse(await readFile(path.join(treesDir, 'index.json'), 'utf8')).trees;
  const generated = Array.from({ length: count }, (_, i) =>
    chainTree(`generated-${String(i + 1).padStart(2, '0')}`, 2, `Generated ${i + 1}`),
  );
  for (const tree of generated) {
    await writeFile(path.join(treesDir, `${tree.id}.json`), JSON.stringify(tree));
  }
  // The shipped tree last, on the last page: the filter must find it from the first.
  const index = { trees: [...generated.map(indexEntry), ...shipped] };
  await writeFile(path.join(treesDir, 'index.json'), JSON.stringify(index, null, 2));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'prerender.mjs')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, LIST_PAGE_SIZE: String(pageSize) },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildManyTrees();
