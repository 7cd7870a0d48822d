import { memo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { configQueryOptions } from '../../data/config-query';
import { sessionQueryOptions } from '../../data/session-query';

/** A server page (sign-in, sign-out): outside the app's routes, so a plain link or form. */
const serverHref = (path: string) => `${import.meta.env.BASE_URL}${path}`;

/**
 * What the editor says about publishing: with no server behind the site, that publishing is by
 * download and a deploy; with one, a link to sign in, or who is signed in and a way out.
 */
export const ServerAccount = memo(function ServerAccount({
  publishingTab,
}: {
  /** The name of the tab that publishes, as the tab list shows it. */
  publishingTab: string;
}) {
  const { data: config } = useQuery(configQueryOptions());
  const server = config?.server === true;
  const { data: account, isPending } = useQuery({ ...sessionQueryOptions(), enabled: server });
  const { pathname, search } = useLocation();
  // Back to this page of the editor once signed in (the router's paths leave out the base).
  const returnTo = serverHref(`${pathname.slice(1)}${search}`);
  if (!config) return null;
  if (!server) {
    return (
      <p className="editor-server">
        This site runs without a Troubleshooter server, so publishing is by download: the tab “
        {publishingTab}” gives the files, and a developer puts them in place and builds.
      </p>
    );
  }
  if (isPending) return null;
  if (!account) {
    return (
      <p className="editor-server">
        This site has a Troubleshooter server.{' '}
        <a href={serverHref(`sign-in?return=${encodeURIComponent(returnTo)}`)}>
          Sign in to publish
        </a>
        .
      </p>
    );
  }
  return (
    <div className="editor-server">
      <p>
        Signed in as {account.email} ({account.role}). Submit your changes for review from the tab “
        {publishingTab}”; <a href={serverHref('admin/reviews')}>reviews</a>; your{' '}
        <a href={serverHref('admin')}>overview</a>.
      </p>
      <form method="post" action={serverHref('sign-out')} aria-label="Sign out">
        <button type="submit" className="editor-button">
          Sign out
        </button>
      </form>
    </div>
  );
});
