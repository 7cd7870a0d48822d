import { useRouteError } from 'react-router';
import { FileLoadError } from '../../lib/fetch-public-file';
import { LoadFailedScreen } from '../../components/load-failed-screen';

/** The catalog's own failure: the list could not be fetched. Anything else goes to the root. */
export function CatalogErrorBoundary() {
  const error = useRouteError();
  if (error instanceof FileLoadError) {
    return <LoadFailedScreen what="list of troubleshooters" error={error} />;
  }
  throw error;
}
