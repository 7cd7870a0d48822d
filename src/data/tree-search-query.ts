import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson } from '../lib/fetch-public-file';
import type { SearchNode, TreeSearchEntry } from '../engine/tree-search';

const isNode = (node: Partial<SearchNode> | null) =>
  typeof node?.text === 'string' &&
  typeof node.words === 'string' &&
  (node.kind === 'question' || node.kind === 'outcome');

/**
 * trees/search.json, the words of every tree, written by the build (ADR 16). Fetched only
 * once someone uses the filter. Without it (a failed fetch) the filter still matches titles
 * and descriptions, and the page says that only those were searched, with a way to try
 * again; an entry of the wrong shape is left out.
 */
export function treeSearchQueryOptions() {
  return queryOptions({
    queryKey: ['tree-search'],
    queryFn: async ({ signal }) => {
      const json = (await fetchPublicJson('trees/search.json', signal)) as {
        trees?: Partial<TreeSearchEntry>[];
      } | null;
      const trees = (Array.isArray(json?.trees) ? json.trees : []).filter(
        (tree): tree is TreeSearchEntry =>
          typeof tree?.id === 'string' && Array.isArray(tree.nodes) && tree.nodes.every(isNode),
      );
      return { trees };
    },
    networkMode: 'always',
    retry: false,
  });
}
