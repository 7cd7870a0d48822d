import { Link } from 'react-router';
import { paths } from '../lib/paths';
import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';

export function NotFoundScreen({ treeId }: { treeId?: string }) {
  return (
    <article className="step step--error">
      <DocumentTitle>Page not found</DocumentTitle>
      <PageHeading caption="Page not found">
        {treeId ? 'There is no troubleshooter at this address' : 'Page not found'}
      </PageHeading>
      <p className="lead">
        {treeId
          ? `No troubleshooter is called “${treeId}”. The link may be mistyped, or the troubleshooter may have been removed.`
          : 'Nothing is at this address. The link may be mistyped or out of date.'}
      </p>
      <p>
        <Link className="button" to={paths.catalog.getHref()}>
          See all troubleshooters
        </Link>
      </p>
    </article>
  );
}
