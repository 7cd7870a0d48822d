// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { treeQueryOptions } from '../data/tree-query';
import { PART_BYTES, planOutline } from '../features/map/map-outline';
import { treeBeyondWalkLimits } from '../testing/large-tree';
import type { Tree } from '../engine/tree-schema';
import { firstTrails } from '../engine/tree-walks';
import { paths } from '../lib/paths';
import { shippedTrees } from '../testing/shipped-trees';
import { renderPage } from './render-page';
import { chainTree, deepTree, fullTree } from '../../scripts/scale-trees.mjs';

// The map's list in parts (docs/decisions/0024-map-list-in-parts.md), as the prerender
// writes it: every part a page within the page budget, and every node reachable from the
// map's own page by following plain links, as a visitor without JavaScript does.

/** The page around the app's markup (head, inlined CSS): about 10 KB on disk, 3.1 KB gzipped. */
const SHELL = { disk: 11 * 1024, gzip: 4 * 1024 };
// An incompressible list of PART_BYTES gzips to about as many bytes: the rest of the page,
// gzipped, must fit beside it.
const PAGE_BUDGET = 30 * 1024;

/** Valid but for the walk limits: these lines stress the map beyond any publishable depth. */
function valid(json: unknown): Tree {
  return treeBeyondWalkLimits(json);
}

/** Renders every part of a tree's map, following links from the first, as the prerender does. */
async function followParts(tree: Tree) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
  const pages = new Map<string, string>();
  const stepLinks = new Set<string>();
  const queue = [paths.map.getHref(tree.id)];
  for (let href = queue.shift(); href !== undefined; href = queue.shift()) {
    if (pages.has(href)) continue;
    const { html, failed } = await renderPage(href, client);
    expect(failed, href).toBe(false);
    pages.set(href, html);
    for (const [, link = ''] of html.matchAll(/href="([^"]+)"/g)) {
      const target = link.replace(/&amp;/g, '&');
      if (target.startsWith(`/map/${tree.id}/part/`)) queue.push(target);
      else if (target.startsWith(`/${tree.id}`)) stepLinks.add(target);
    }
  }
  return { pages, stepLinks };
}

const stepHrefs = (tree: Tree) =>
  new Set(
    [...firstTrails(tree).values()].map((trail) =>
      paths.step.getHref(tree.id, trail, tree.version),
    ),
  );

// Laying out 1,023 boxes takes dagre seconds on a busy machine: the map is rendered once.
const q511 = valid(fullTree('q511', 9));
let rendered: ReturnType<typeof followParts> | undefined;
const q511Parts = () => (rendered ??= followParts(q511));

test('a full tree of 511 questions with ordinary text: every part within the page budget, every node reached by links from the first', async () => {
  expect(q511.nodes).toHaveLength(1023);
  const plan = planOutline(q511);
  expect(plan.parts.length).toBeGreaterThan(1);
  const { pages, stepLinks } = await q511Parts();
  // Every part is reached, and no address beyond them is linked.
  expect([...pages.keys()].sort()).toEqual(
    plan.parts.map((part) => paths.mapPart.getHref(q511.id, part.number)).sort(),
  );
  for (const [href, html] of pages) {
    // The list is within a part's size on disk (its addresses are short: 9 answers at most),
    // so within the budget whatever its text would gzip to; and the page as it gzips.
    const list = /<ul class="tree-map__outline">[\s\S]*<\/ul>/.exec(html)?.[0] ?? '';
    expect(list.length, href).toBeGreaterThan(0);
    expect(list.length, href).toBeLessThanOrEqual(PART_BYTES);
    expect(gzipSync(html.replace(list, '')).length + SHELL.gzip + PART_BYTES, href).toBeLessThan(
      PAGE_BUDGET,
    );
    expect(gzipSync(html).length + SHELL.gzip, href).toBeLessThan(PAGE_BUDGET);
  }
  expect(stepLinks).toEqual(stepHrefs(q511));
}, 120_000);

test('each part is one branch of the list, and says where it goes on from', async () => {
  const plan = planOutline(q511);
  const { pages } = await q511Parts();
  for (const { number, root } of plan.parts) {
    const html = pages.get(paths.mapPart.getHref(q511.id, number)) ?? '';
    expect(html).toContain(`Part ${number} of ${plan.parts.length}.`);
    if (number === 1) {
      expect(root).toBe(plan.root);
      continue;
    }
    const above = plan.partOf.get(root.from?.question.id ?? '') ?? Infinity;
    expect(above, `part ${number}`).toBeLessThan(number);
    expect(html).toContain(`href="${paths.mapPart.getHref(q511.id, above)}"`);
    // The part above links down to this one where the branch goes on.
    expect(pages.get(paths.mapPart.getHref(q511.id, above))).toContain(
      `>goes on in part ${number}</a>`,
    );
  }
  // Every question and result is listed in exactly one part.
  expect(plan.partOf.size).toBe(q511.nodes.length);
  // Previous and Next walk the parts in order too.
  const last = pages.get(paths.mapPart.getHref(q511.id, plan.parts.length)) ?? '';
  expect(last).toContain('rel="prev"');
  expect(last).not.toContain('rel="next"');
}, 120_000);

test.each([
  ['a line of 200 questions', () => valid(deepTree('line', 200))],
  ['a chain of 150 questions with shortcuts', () => valid(chainTree('chain', 150))],
])(
  '%s: every part within the page budget, every node reached by links from the first',
  async (_, make) => {
    const tree = make();
    const { pages, stepLinks } = await followParts(tree);
    expect(pages.size).toBe(planOutline(tree).parts.length);
    expect(pages.size).toBeGreaterThan(1);
    for (const [href, html] of pages) {
      expect(gzipSync(html).length + SHELL.gzip, href).toBeLessThan(PAGE_BUDGET);
    }
    expect(stepLinks).toEqual(stepHrefs(tree));
  },
  120_000,
);

test('a list within a part’s size is not split: the shipped trees', () => {
  for (const tree of shippedTrees()) {
    expect(planOutline(tree).parts, tree.id).toHaveLength(1);
  }
});
