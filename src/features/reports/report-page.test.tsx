import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

/** The site as a Troubleshooter server serves it, its analytics API answering `analytics`. */
function withServer(analytics: () => Response) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const url = new URL(href, 'http://localhost/');
      if (url.pathname === '/config.json') {
        return Response.json({ embed: { allowedOrigins: [] }, server: true });
      }
      if (url.pathname.startsWith('/api/analytics/')) {
        asked.push(url.pathname + url.search);
        return analytics();
      }
      if (url.pathname.startsWith('/api/')) return new Response('', { status: 404 });
      return fetchPublicFile(input);
    }),
  );
  return asked;
}

test('a From after To is said plainly, with the dates marked, and no report of zeros is asked for', async () => {
  const asked = withServer(() => Response.json({}));
  renderApp('/map/q164887/report?v=4&from=2026-12-31&to=2026-01-01');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(
    'The dates are the wrong way round: From (2026-12-31) is after To (2026-01-01). Choose a From date on or before the To date.',
  );
  expect(alert).not.toHaveTextContent(/Try again/);
  const from = screen.getByLabelText('From');
  expect(from).toBeInvalid();
  expect(from).toHaveAccessibleDescription(alert.textContent ?? '');
  expect(from).toHaveValue('2026-12-31');
  expect(screen.getByRole('button', { name: 'Show' })).toBeInTheDocument();
  expect(asked).toEqual([]);
  // Named by its title, not its id, although no report came.
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  ).toBeInTheDocument();
});

test('a 400 from the analytics API shows its message, not "try again"', async () => {
  const asked = withServer(() =>
    Response.json(
      { statusCode: 400, message: '2026-02-30 is not a date in the calendar.' },
      { status: 400 },
    ),
  );
  renderApp('/map/q164887/report?from=2026-02-30&to=2026-03-10');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(
    'No report for this range: 2026-02-30 is not a date in the calendar.',
  );
  expect(alert).not.toHaveTextContent(/Try again/);
  expect(screen.getByLabelText('To')).toHaveValue('2026-03-10');
  expect(asked).toEqual(['/api/analytics/q164887?from=2026-02-30&to=2026-03-10']);
});

test('a 400 without a message still says the request was refused, not "try again"', async () => {
  withServer(() => new Response('', { status: 400 }));
  renderApp('/map/q164887/report?from=2026-02-01&to=2026-03-10');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'No report for this range: the server refused the dates or versions asked for.',
  );
});

test('a server failure still offers to try again', async () => {
  withServer(() => new Response('', { status: 503 }));
  renderApp('/map/q164887/report');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The report could not be loaded. Try again in a moment.',
  );
});
