import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { TreeProblem } from '../engine/graph-checks';
import { ID_PATTERN, reservedFor } from '../engine/ids';
import type { Tree } from '../engine/tree-schema';
import {
  FileLoadError,
  FileNotFoundError,
  FileNotJsonError,
  fetchPublicText,
  retryTransientErrors,
} from '../lib/fetch-public-file';
import { validatorChunk } from './validator-chunk';

/** The tree file exists but cannot be used: the author's problems are listed. */
export class TreeInvalidError extends Error {
  override name = 'TreeInvalidError';
  constructor(
    readonly treeId: string,
    readonly problems: readonly TreeProblem[],
  ) {
    super(`tree "${treeId}" is not valid: ${problems.length} problem(s)`);
  }
}

async function fetchTree(treeId: string, signal: AbortSignal, version?: number) {
  const file = `trees/${treeId}${version ? `.v${version}` : ''}.json`;
  const text = await fetchPublicText(file, signal);
  // Text that is not JSON arrived cut short or damaged: a load failure, which Try again may
  // cure, not a tree its author must mend.
  try {
    JSON.parse(text);
  } catch {
    throw new FileNotJsonError(file, 'incomplete');
  }
  // The file's text and name are checked with its content (id, version), by the build's rules.
  const { validateTreeFileText } = await validatorChunk();
  const result = validateTreeFileText(file, text);
  if (!result.ok) throw new TreeInvalidError(treeId, result.problems);
  return result.value;
}

/**
 * An earlier version of a tree, kept as trees/<id>.v<version>.json when an author
 * publishes a new one, to read links made with it (docs/authoring.md).
 */
export function archivedTreeQueryOptions(treeId: string, version: number) {
  return queryOptions({
    queryKey: ['tree', treeId, 'version', version],
    queryFn: ({ signal }) => fetchTree(treeId, signal, version),
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}

export function isTreeId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * A tree file. The step, map and editor loaders make sure it is cached (ensureTree); the map
 * and the editor then read it with this same query, while the step page takes its tree from
 * its loader's data, which may be the excerpt a prerendered page came with instead.
 */
export function treeQueryOptions(treeId: string) {
  return queryOptions({
    queryKey: ['tree', treeId],
    queryFn: ({ signal }) => fetchTree(treeId, signal),
    // Fetched once a visit and shared by every later step: no screen observes the query
    // (loader data holds the tree), so the default would drop it after five idle minutes.
    gcTime: Infinity,
    // Offline, a paused query would spin for ever: fail at once and let the
    // error screen say "offline" and retry when the connection returns.
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}

/** How a tree can fail to open; each has its own screen (components/tree-error-screen.tsx). */
export type TreeErrorKind = 'not-found' | 'invalid' | 'load-failed';

export function treeErrorKind(error: unknown): TreeErrorKind | undefined {
  if (error instanceof FileNotFoundError) return 'not-found';
  if (error instanceof TreeInvalidError) return 'invalid';
  if (error instanceof FileLoadError) return 'load-failed';
  return undefined;
}

/**
 * For the step and map loaders: the tree, and for a link made with an earlier version,
 * that version too (to explain what changed; missing or broken, the link is read against
 * the current one). An id that cannot be a tree is not found, without asking the server.
 */
export async function ensureTree(
  queryClient: QueryClient,
  treeId: string,
  linkVersion?: number,
): Promise<Tree> {
  // Ids the site uses for its own files (index, search, …) are no tree's.
  if (!isTreeId(treeId) || reservedFor(treeId)) throw new FileNotFoundError(`trees/${treeId}.json`);
  const tree = await queryClient.ensureQueryData(treeQueryOptions(treeId));
  // A link newer than the site's tree has no archived copy to fetch (none can exist yet).
  if (linkVersion && linkVersion < tree.version) {
    await queryClient
      .ensureQueryData(archivedTreeQueryOptions(treeId, linkVersion))
      .catch(() => undefined);
  }
  return tree;
}
