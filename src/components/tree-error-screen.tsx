import { TreeInvalidError, treeErrorKind } from '../data/tree-query';
import { InvalidTreeScreen } from './invalid-tree-screen';
import { LoadFailedScreen } from './load-failed-screen';
import { NotFoundScreen } from './not-found-screen';

/**
 * A tree that could not be opened, for the step and map routes: no such troubleshooter,
 * a file its author must mend, or a file that did not arrive. Loaded on demand, together
 * with the error: the routes' loaders fetch this code before the page changes.
 */
export function TreeErrorScreen({ error, treeId }: { error: unknown; treeId: string }) {
  if (error instanceof TreeInvalidError) return <InvalidTreeScreen error={error} />;
  if (treeErrorKind(error) === 'load-failed') {
    return <LoadFailedScreen what="troubleshooter" error={error} />;
  }
  return <NotFoundScreen treeId={treeId} />;
}
