import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';

/** The app's files from disk, with config.json and /api/session as a server answers them. */
function withServer(account: { email: string; role: string } | null) {
  const answers: Record<string, () => Response> = {
    '/config.json': () => Response.json({ embed: { allowedOrigins: [] }, server: true }),
    '/api/session': () => Response.json({ account }),
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const answer = answers[new URL(href, 'http://localhost/').pathname];
      return answer ? answer() : fetchPublicFile(input);
    }),
  );
}

test('without a server, the editor says that publishing is by download, and asks no API', async () => {
  const fetchSpy = vi.mocked(fetch);
  renderApp('/edit/q164887');
  expect(
    await screen.findByText(
      /runs without a Troubleshooter server, so publishing is by download/,
      {},
      { timeout: 5000 },
    ),
  ).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Sign in to publish' })).not.toBeInTheDocument();
  const asked = fetchSpy.mock.calls.map(([input]) =>
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
  );
  expect(asked.filter((url) => url.includes('api/'))).toEqual([]);
});

test('with a server and nobody signed in, it offers to sign in and come back', async () => {
  withServer(null);
  renderApp('/edit/q164887');
  const link = await screen.findByRole('link', { name: 'Sign in to publish' }, { timeout: 5000 });
  expect(link).toHaveAttribute('href', '/sign-in?return=%2Fedit%2Fq164887');
});

test('signed in, it names the account, links to the server’s pages and offers Sign out', async () => {
  withServer({ email: 'kim@example.com', role: 'author' });
  renderApp('/edit/q164887');
  expect(
    await screen.findByText(/Signed in as kim@example\.com \(author\)/, {}, { timeout: 5000 }),
  ).toBeInTheDocument();
  // A plain form: it posts (with the browser's Origin) and works without the app's code.
  const form = screen.getByRole('form', { name: 'Sign out' });
  expect(form).toHaveAttribute('action', '/sign-out');
  expect(form).toHaveAttribute('method', 'post');
  expect(within(form).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  // And the way to the server's pages: the reviews, and the overview of them all.
  expect(screen.getByRole('link', { name: 'reviews' })).toHaveAttribute('href', '/admin/reviews');
  expect(screen.getByRole('link', { name: 'overview' })).toHaveAttribute('href', '/admin');
});
