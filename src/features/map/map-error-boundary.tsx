import { useParams, useRouteError } from 'react-router';
import { TreeErrorScreen } from '../../components/tree-error-screen';
import { treeErrorKind } from '../../data/tree-query';

/** The map's tree could not be opened; anything else goes to the root boundary. */
export function MapErrorBoundary() {
  const error = useRouteError();
  const { treeId = '' } = useParams();
  if (treeErrorKind(error)) return <TreeErrorScreen error={error} treeId={treeId} />;
  throw error;
}
