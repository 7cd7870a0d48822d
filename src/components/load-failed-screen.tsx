import { useEffect, useRef } from 'react';
import { useRevalidator } from 'react-router';
import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import { FileLoadError, type LoadFailure } from '../lib/fetch-public-file';
import { useOnlineStatus } from '../lib/use-online-status';

/** What went wrong, in the words of the person who waits, for each kind of failure. */
function whatFailed(reason: LoadFailure): string {
  switch (reason) {
    case 'timeout':
      return 'The server has not answered for more than 10 seconds. It may be busy: try again in a moment.';
    case 'html':
      return 'The server answered with a web page instead of the file: you may need to sign in again. Sign in in another tab, then try again.';
    case 'incomplete':
      return 'The file arrived incomplete or damaged. This is often brief: try again in a moment.';
    default:
      return 'The server did not answer as expected. This is often brief: try again in a moment.';
  }
}

/**
 * A file could not be fetched even after react-query's retries. Offers Retry, and
 * when the browser is offline says so and retries by itself once it is back.
 */
export function LoadFailedScreen({ what, error }: { what: string; error?: unknown }) {
  const online = useOnlineStatus();
  const revalidator = useRevalidator();
  const retrying = revalidator.state === 'loading';
  const { revalidate } = revalidator;

  // When the connection comes back, try again by itself. Keyed on the online state
  // rather than an 'online' listener: React may re-render (and clean up effects)
  // before a second listener on the same event runs.
  const wasOffline = useRef(!online);
  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
    } else if (wasOffline.current) {
      wasOffline.current = false;
      void revalidate();
    }
  }, [online, revalidate]);

  return (
    <article className="step step--error">
      <DocumentTitle>{online ? 'Could not load' : 'You are offline'}</DocumentTitle>
      <PageHeading caption="Problem loading">
        {online ? `The ${what} could not be loaded` : 'You are offline'}
      </PageHeading>
      <p className="lead">
        {online
          ? whatFailed(error instanceof FileLoadError ? error.reason : 'failed')
          : `This device has no network connection, so the ${what} cannot be fetched. It will load as soon as the connection is back.`}
      </p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() => void revalidate()}
          disabled={retrying}
        >
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      </p>
    </article>
  );
}
