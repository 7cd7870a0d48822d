import { useEffect, useRef } from 'react';
import { useRevalidator } from 'react-router';
import { DocumentTitle } from './document-title';
import { PageHeading } from './page-heading';
import { useOnlineStatus } from '../lib/use-online-status';

/**
 * A file could not be fetched even after react-query's retries. Offers Retry, and
 * when the browser is offline says so and retries by itself once it is back.
 */
export function LoadFailedScreen({ what }: { what: string }) {
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
          ? 'The server did not answer as expected. This is often brief: try again in a moment.'
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
