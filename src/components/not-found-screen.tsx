import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { catalogQueryOptions } from '../data/catalog-query';
import type { TreeIndexEntry } from '../engine/tree-schema';
import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import { AllTroubleshootersLink } from './all-troubleshooters-link';

/**
 * The one troubleshooter an address names in another way than its id: its article id as
 * people write it (`/Q164887`), or its id in other letter case. Only when exactly one fits.
 */
function namedTree(entries: readonly TreeIndexEntry[], name: string) {
  const wanted = name.toLowerCase();
  const fits = entries.filter(
    (entry) => entry.id === wanted || entry.article?.toLowerCase() === wanted,
  );
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * No troubleshooter by this id (an address of the step or map routes). An article id, or
 * the id in capitals, leads to its troubleshooter, the rest of the address kept.
 */
export function NotFoundScreen({ treeId }: { treeId: string }) {
  const location = useLocation();
  // Only a name that could be an id or an article id is looked up in the list.
  const { data: catalog } = useQuery({
    ...catalogQueryOptions(),
    enabled: /^[A-Za-z0-9-]+$/.test(treeId),
  });
  const tree = catalog && namedTree(catalog.trees, treeId);
  if (tree && tree.id !== treeId) {
    const segments = location.pathname.split('/');
    const at = segments.indexOf(treeId);
    segments[at] = tree.id;
    return <Navigate replace to={`${segments.join('/')}${location.search}${location.hash}`} />;
  }
  return (
    <article className="step step--error">
      <DocumentTitle>Page not found</DocumentTitle>
      <PageHeading caption="Page not found">There is no troubleshooter at this address</PageHeading>
      <p className="lead">
        No troubleshooter is called “{treeId}”. The link may be mistyped, or the troubleshooter may
        have been removed.
      </p>
      <AllTroubleshootersLink />
    </article>
  );
}
