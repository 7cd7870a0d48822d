// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { treeQueryOptions } from '../data/tree-query';
import {
  DIAGRAM_IN_PAGE_BYTES,
  DIAGRAM_IN_PAGE_NODES,
  diagramBytes,
} from '../features/map/map-page';
import { planOutline } from '../features/map/map-outline';
import { layoutTree } from '../features/map/tree-layout';
import { makeLargeTree } from '../testing/large-tree';
import { renderPage } from './render-page';

async function prerenderedMap(questions: number) {
  const tree = makeLargeTree(questions);
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
  const { html } = await renderPage(`/map/${tree.id}`, client);
  return { tree, html, svg: /<svg class="tree-map__svg"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '' };
}

// Laying out a map of this size takes seconds on a busy machine.
const links = (html: string) => html.match(/<a /g)?.length ?? 0;

test('a map within the limits carries its diagram in the page', async () => {
  const { tree, svg } = await prerenderedMap(20);
  expect(diagramBytes(layoutTree(tree))).toBeLessThanOrEqual(DIAGRAM_IN_PAGE_BYTES);
  expect(planOutline(tree).parts).toHaveLength(1);
  expect(links(svg)).toBe(tree.nodes.length);
}, 30_000);

test('a diagram of fewer boxes than the limit but more bytes is drawn by the browser', async () => {
  const { tree, html, svg } = await prerenderedMap(60);
  expect(tree.nodes.length).toBeLessThanOrEqual(DIAGRAM_IN_PAGE_NODES);
  expect(diagramBytes(layoutTree(tree))).toBeGreaterThan(DIAGRAM_IN_PAGE_BYTES);
  expect(links(svg)).toBe(0);
  expect(html).toContain('class="tree-map needs-js"');
}, 30_000);

test('a larger map carries the first part of the list, and a box of the diagram’s size for the browser to draw in', async () => {
  const { tree, html, svg } = await prerenderedMap(DIAGRAM_IN_PAGE_NODES / 2 + 1);
  expect(tree.nodes.length).toBeGreaterThan(DIAGRAM_IN_PAGE_NODES);
  expect(svg).toMatch(/ width="\d+" height="\d+"/);
  expect(links(svg)).toBe(0);
  expect(html).toContain('class="tree-map needs-js"');
  expect(html).toContain('too large for its diagram to be stored with the page');
  // The list's first part, with a link to where it goes on (map-parts.test.ts follows them).
  const parts = planOutline(tree).parts.length;
  expect(parts).toBeGreaterThan(1);
  expect(html).toContain(`The list below is the same map, in ${parts} parts.`);
  expect(html).toMatch(/>goes on in part 2<\/a>/);
  expect(gzipSync(html).length).toBeLessThan(30 * 1024);
}, 30_000);
