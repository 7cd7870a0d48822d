import { queryOptions } from '@tanstack/react-query';
import type { TreeProblem } from '../engine/graph-checks';
import { ID_PATTERN } from '../engine/ids';
import { fetchPublicJson, FileNotJsonError, retryTransientErrors } from '../lib/fetch-public-file';

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
  let json: unknown;
  try {
    json = await fetchPublicJson(file, signal);
  } catch (error) {
    if (error instanceof FileNotJsonError) {
      throw new TreeInvalidError(treeId, [{ path: '$', message: 'the file is not valid JSON' }]);
    }
    throw error;
  }
  // The validator (and valibot) load only when a tree is fetched: prerendered pages
  // arrive with their tree already validated at build time. The route loader has loaded
  // it already (routes.tsx), so this cannot fail on a missing chunk. The file's name is
  // checked with its content (id, version), by the same rules as the build's.
  const { validateTreeFile } = await import('../engine/validate-tree');
  const result = validateTreeFile(file, json);
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

/** Shared by the step route's loader (ensureQueryData) and its component (useSuspenseQuery). */
export function treeQueryOptions(treeId: string) {
  return queryOptions({
    queryKey: ['tree', treeId],
    queryFn: ({ signal }) => fetchTree(treeId, signal),
    // Offline, a paused query would spin for ever: fail at once and let the
    // error screen say "offline" and retry when the connection returns.
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}
