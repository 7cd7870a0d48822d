import { expect, test } from 'vitest';
import { makeLargeTree } from '../../testing/large-tree';
import { shippedTrees } from '../../testing/shipped-trees';
import { layoutProblems } from './layout-checks';
import { layoutTree } from './tree-layout';

// `npm run bench:map`: how long the map's layout takes, recorded in docs/performance.md.
// Only a benchmark run picks this file up (its name), and no time is asserted: timings on
// shared machines are too noisy for that. A fresh copy of the tree each time, as a page
// opening has: the engine caches its graph per tree object.

test('layoutTree: the shipped tree and a generated one of 200 nodes', async ({ bench }) => {
  const [shipped] = shippedTrees();
  if (!shipped) throw new Error('no shipped tree');
  const large = makeLargeTree(100);
  expect(large.nodes).toHaveLength(200);
  // The numbers are only worth having if the layout they time is a good one.
  expect(layoutProblems(layoutTree(large))).toEqual([]);
  await bench.compare(
    bench(`${shipped.id} (${shipped.nodes.length} nodes)`, () => {
      layoutTree(structuredClone(shipped));
    }),
    bench(`generated (${large.nodes.length} nodes)`, () => {
      layoutTree(structuredClone(large));
    }),
    { time: 2000 },
  );
});
