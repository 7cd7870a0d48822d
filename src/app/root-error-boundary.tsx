import { Link, useLocation, useRouteError } from 'react-router';
import { DocumentTitle } from '../components/document-title';
import { PageHeading } from '../components/page-heading';
import { ChunkLoadError } from '../lib/chunk';
import { paths } from '../lib/paths';
import { SiteChrome } from '../components/site-chrome';

/**
 * The last line: anything no route handled (every address matches a route, and each
 * route shows its own not-found and load-failed screens). Code that would not load gets
 * here only where no page was built for the address (a prerendered one is kept instead,
 * main.tsx), and by then the page has usually been reloaded once: it says what failed
 * rather than that reloading helps.
 */
export function RootErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  if (error instanceof ChunkLoadError) {
    return (
      <SiteChrome>
        <article className="step step--error">
          <DocumentTitle>Part of the troubleshooter could not be loaded</DocumentTitle>
          <PageHeading caption="Error">Part of the troubleshooter could not be loaded</PageHeading>
          <p className="lead">
            The server did not send the code this page needs; the site may be being updated. Your
            answers are kept in the address: try again in a few minutes.
          </p>
          <p>
            <Link className="button" to={location} reloadDocument>
              Try again
            </Link>{' '}
            <Link to={paths.catalog.getHref()} reloadDocument>
              Go to the start
            </Link>
          </p>
        </article>
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
