// @vitest-environment node
import { readFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { stepExcerptQueryKey } from '../data/prerendered-page';
import { treeQueryOptions } from '../data/tree-query';
import { cutStepExcerpt } from '../engine/step-excerpt';
import { allStepTrails } from '../engine/tree-paths';
import type { Tree } from '../engine/tree-schema';
import { validateTree } from '../engine/validate-tree';
import { paths } from '../lib/paths';
import { makeLargeTree } from '../testing/large-tree';
import { shippedTrees } from '../testing/shipped-trees';
import { bushyTree } from '../../scripts/scale-trees.mjs';
import { renderPage } from './render-page';

/**
 * Generated from the trees: every step page is rendered twice by the real routes, once
 * from the whole tree and once from the excerpt the prerender gives the page
 * (engine/step-excerpt.ts). The markup must be the same, or a browser hydrating the page
 * from its excerpt would render something else than the page shows.
 */

function fixture(name: string): Tree {
  const json: unknown = JSON.parse(
    readFileSync(new URL(`../testing/fixtures/trees/${name}.json`, import.meta.url), 'utf8'),
  );
  const result = validateTree(json);
  if (!result.ok) throw new Error(`fixture ${name} is invalid`);
  return result.value;
}

function generated(json: unknown): Tree {
  const result = validateTree(json);
  if (!result.ok) throw new Error('generated tree is invalid');
  return result.value;
}

const client = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });

const trees: Tree[] = [
  ...shippedTrees(),
  fixture('printer'),
  fixture('hostile'),
  makeLargeTree(5),
  generated(bushyTree('bush', 3, 3)),
];

for (const tree of trees) {
  describe(`${tree.id}: every step renders the same from its excerpt`, () => {
    const trails = allStepTrails(tree) ?? [];
    test.each(trails.map((trail) => [trail.join('/') || '(start)', trail] as const))(
      '%s',
      async (_name, trail) => {
        const url = paths.step.getHref(tree.id, trail);
        const whole = client();
        whole.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
        const cut = client();
        const excerpt = cutStepExcerpt(tree, trail);
        cut.setQueryData(stepExcerptQueryKey(tree.id, trail), excerpt);

        const [fromTree, fromExcerpt] = await Promise.all([
          renderPage(url, whole, tree.version),
          renderPage(url, cut, tree.version),
        ]);
        expect(fromExcerpt.failed).toBe(false);
        expect(fromExcerpt.title).toBe(fromTree.title);
        expect(fromExcerpt.html).toBe(fromTree.html);
        // Rendered from the excerpt alone: the whole tree was never asked for.
        expect(cut.getQueryData(treeQueryOptions(tree.id).queryKey)).toBeUndefined();
        expect(fromExcerpt.state.cache?.queries.map((query) => query.queryKey)).toEqual([
          stepExcerptQueryKey(tree.id, trail),
        ]);
      },
    );
  });
}

test('an excerpt grows with the trail, not with the tree', () => {
  const small = makeLargeTree(20);
  const large = makeLargeTree(400);
  const trail = ['yes', 'unsure', 'yes'];
  const size = (tree: Tree) => JSON.stringify(cutStepExcerpt(tree, trail)).length;
  expect(JSON.stringify(large).length).toBeGreaterThan(10 * JSON.stringify(small).length);
  // Only the numbers in its ids and titles differ.
  expect(size(large)).toBeLessThan(size(small) * 1.1);
});
