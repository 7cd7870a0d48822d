// dist-many/: the app with 60 generated troubleshooters before the shipped one and a list
// of 10 a page (7 pages), for the browser tests of a list longer than a page
// (e2e/many-trees.spec.ts, e2e/calm-loading.spec.ts): about 900 pages. Built by
// scripts/build-with-trees.mjs, which scripts/fresh-build.mjs runs when out of date.
//
//   node scripts/build-many-trees.mjs     builds it alone
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWithTrees } from './build-with-trees.mjs';
import { chainTree, indexEntry } from './scale-trees.mjs';

const TREES = 60;
const PAGE_SIZE = 10;

/** What fresh-build.mjs compares its stamp with: the sources and this build's own shape. */
export const MANY_TREES_BUILD = {
  dir: 'dist-many',
  base: `/ with ${TREES} generated trees, ${PAGE_SIZE} a page`,
  env: { LIST_PAGE_SIZE: String(PAGE_SIZE) },
  async addTrees(trees) {
    const shipped = JSON.parse(await readFile(path.join(trees, 'index.json'), 'utf8')).trees;
    const generated = Array.from({ length: TREES }, (_, i) =>
      chainTree(`generated-${String(i + 1).padStart(2, '0')}`, 2, `Generated ${i + 1}`),
    );
    for (const tree of generated) {
      await writeFile(path.join(trees, `${tree.id}.json`), JSON.stringify(tree));
    }
    // The shipped tree last, on the last page: the filter must find it from the first.
    const index = { trees: [...generated.map(indexEntry), ...shipped] };
    await writeFile(path.join(trees, 'index.json'), JSON.stringify(index, null, 2));
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWithTrees(process.cwd(), [MANY_TREES_BUILD]);
}
