import { isRouteErrorResponse, useParams, useRouteError } from 'react-router';
import { FileLoadError, FileNotFoundError } from '../../lib/fetch-public-file';
import { InvalidTreeScreen, LoadFailedScreen, NotFoundScreen } from '../../components/lazy-screens';
import { TreeInvalidError } from '../../data/tree-query';

/** Handles what can go wrong with a step's tree; anything else goes to the root boundary. */
export function StepErrorBoundary() {
  const error = useRouteError();
  const { treeId } = useParams();

  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof FileNotFoundError) {
    return <NotFoundScreen treeId={treeId} />;
  }
  if (error instanceof TreeInvalidError) return <InvalidTreeScreen error={error} />;
  if (error instanceof FileLoadError) return <LoadFailedScreen what="troubleshooter" />;
  throw error;
}
