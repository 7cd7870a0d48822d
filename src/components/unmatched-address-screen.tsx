import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import { AllTroubleshootersLink } from './all-troubleshooters-link';

/**
 * 404.html: what the web server sends for any address it has no page for. It must be true
 * for all of them (a mistyped link, a removed troubleshooter, a link past a result, a step
 * only the browser works out), with or without JavaScript. When the script runs, the
 * router replaces it in place with the page for the address actually asked for.
 */
export function UnmatchedAddressScreen() {
  return (
    <article className="step step--error">
      <DocumentTitle>No page for this address</DocumentTitle>
      <PageHeading caption="Troubleshooter">No page is stored for this address</PageHeading>
      <p className="lead">
        The link may be mistyped or out of date, or lead to a step that your browser works out
        itself. With JavaScript on, this page shows what the link leads to; without it, start again
        from the list.
      </p>
      <AllTroubleshootersLink />
    </article>
  );
}
