import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { DocumentTitle } from '../components/document-title';
import { NotFoundScreen } from '../components/lazy-screens';
import { PageHeading } from '../components/page-heading';
import { paths } from '../lib/paths';
import { SiteChrome } from './site-chrome';

/** The last line: an unknown path, or anything no nested boundary handled. */
export function RootErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <SiteChrome>
        <NotFoundScreen />
      </SiteChrome>
    );
  }
  return (
    <SiteChrome>
      <article className="step step--error">
        <DocumentTitle>Something went wrong</DocumentTitle>
        <PageHeading caption="Error">Something went wrong</PageHeading>
        <p className="lead">
          The troubleshooter hit an unexpected problem. Reloading the page usually helps; your
          answers are kept in the address.
        </p>
        <p>
          <Link className="button" to={paths.catalog.getHref()} reloadDocument>
            Go to the start
          </Link>
        </p>
      </article>
    </SiteChrome>
  );
}
