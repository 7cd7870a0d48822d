import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import { AllTroubleshootersLink } from './all-troubleshooters-link';

/** No troubleshooter by this id (an address of the step or map routes). */
export function NotFoundScreen({ treeId }: { treeId: string }) {
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
