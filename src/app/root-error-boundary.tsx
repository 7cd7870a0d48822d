import { Link } from 'react-router';
import { DocumentTitle } from '../components/document-title';
import { PageHeading } from '../components/page-heading';
import { paths } from '../lib/paths';
import { SiteChrome } from '../components/site-chrome';

/**
 * The last line: anything no route handled (every address matches a route, and each
 * route shows its own not-found and load-failed screens).
 */
export function RootErrorBoundary() {
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
