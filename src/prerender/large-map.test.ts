// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { treeQueryOptions } from '../data/tree-query';
import { DIAGRAM_IN_PAGE_NODES } from '../features/map/map-page';
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

test('a map of up to the limit carries its diagram in the page', async () => {
  const { tree, svg } = await prerenderedMap(DIAGRAM_IN_PAGE_NODES / 2);
  expect(tree.nodes.length).toBeLessThanOrEqual(DIAGRAM_IN_PAGE_NODES);
  expect(links(svg)).toBe(tree.nodes.length);
}, 30_000);

test('a larger map carries the list, and a box of the diagram’s size for the browser to draw in', async () => {
  const { tree, html, svg } = await prerenderedMap(DIAGRAM_IN_PAGE_NODES / 2 + 1);
  expect(tree.nodes.length).toBeGreaterThan(DIAGRAM_IN_PAGE_NODES);
  expect(svg).toMatch(/ width="\d+" height="\d+"/);
  expect(links(svg)).toBe(0);
  expect(html).toContain('class="tree-map needs-js"');
  expect(html).toContain('too large for its diagram to be stored with the page');
  // Every node is still a link to its step, in the list.
  const outline = html.slice(html.indexOf('class="tree-map__outline"'));
  expect(new Set(outline.match(/href="[^"]+"/g)).size).toBe(tree.nodes.length);
  expect(gzipSync(html).length).toBeLessThan(30 * 1024);
}, 30_000);
