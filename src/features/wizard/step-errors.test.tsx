import { screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFile, fetchPublicFileExcept } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

test('an unknown tree id gets a not-found page with a way back', async () => {
  renderApp('/no-such-tree/yes');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'There is no troubleshooter at this address',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText(/No troubleshooter is called “no-such-tree”/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'See all troubleshooters' })).toHaveAttribute(
    'href',
    '/',
  );
});

test('a path that cannot be a tree id is not found without fetching anything', async () => {
  renderApp('/Not%20A%20Tree.html');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'There is no troubleshooter at this address',
    }),
  ).toBeInTheDocument();
  expect(fetch).not.toHaveBeenCalled();
});

test('an answer that does not exist keeps the valid part and offers to go on from there', async () => {
  const { user } = renderApp('/q164887/sms-1-2/os-upgrade/maybe/failed');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'This link does not lead to a step' }),
  ).toBeInTheDocument();
  expect(
    screen.getByText(/“maybe” is not one of the answers to “Does the same job start again/),
  ).toBeInTheDocument();
  expect(
    screen.getByText('The first 2 answers still fit; they are listed below.'),
  ).toBeInTheDocument();
  expect(
    within(screen.getByRole('region', { name: 'Your answers' })).getAllByRole('term'),
  ).toHaveLength(2);
  await user.click(screen.getByRole('link', { name: 'Go on from the last step that fits' }));
  const last = await screen.findByRole('heading', {
    level: 1,
    name: /start again each time the client starts/,
  });
  // Focus moves in an effect once the new step is committed (root-layout.tsx).
  await waitFor(() => expect(last).toHaveFocus());
});

test('a trail longer than the tree allows is reported and the outcome offered', async () => {
  renderApp('/q164887/other-version/sms-1-2');
  await screen.findByRole('heading', { level: 1, name: 'This link does not lead to a step' });
  expect(screen.getByText(/goes on after the result was already reached/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go on from the last step that fits' })).toHaveAttribute(
    'href',
    '/q164887/other-version?v=2',
  );
});

test('a tree file that fails validation gets a plain message and the details for its author', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/trees/q164887.json', () =>
      Response.json({
        id: 'q164887',
        version: 1,
        title: 'Broken',
        description: 'x',
        start: 'a',
        nodes: [],
      }),
    ),
  );
  const { user } = renderApp('/q164887');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'This troubleshooter cannot be used right now',
    }),
  ).toBeInTheDocument();
  await user.click(screen.getByText('Details for the author'));
  expect(screen.getByText('$.nodes')).toBeVisible();
  expect(screen.getByText(/must have at least one node/)).toBeVisible();
});

test('a tree file cut short is a load failure with Try again, not a broken or missing tree', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept(
      '/trees/q164887.json',
      () => new Response('{ "id": ', { headers: { 'content-type': 'application/json' } }),
    ),
  );
  renderApp('/q164887');
  await screen.findByRole(
    'heading',
    { level: 1, name: 'The troubleshooter could not be loaded' },
    { timeout: 5000 },
  );
  expect(screen.getByText(/The file arrived incomplete or damaged/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test('a web page instead of the tree file (a sign-in page) says to sign in again', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept(
      '/trees/q164887.json',
      () =>
        new Response('<!doctype html><title>Sign in</title><form>…</form>', {
          headers: { 'content-type': 'text/html' },
        }),
    ),
  );
  renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: 'The troubleshooter could not be loaded' });
  expect(screen.getByText(/you may need to sign in again/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test.each(['index', 'search', 'trees', 'assets'])(
  'the address /%s, a file of the site, is not a troubleshooter: not found',
  async (id) => {
    renderApp(`/${id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: /no troubleshooter/i }),
    ).toBeInTheDocument();
  },
);

test('a tree file that fails to load is retried, then offers Try again, which recovers', async () => {
  let failing = true;
  const serve = fetchPublicFileExcept('/trees/q164887.json', () =>
    failing ? new Response('Bad gateway', { status: 502 }) : fetchPublicFile('/trees/q164887.json'),
  );
  vi.mocked(fetch).mockImplementation(serve);

  const { user } = renderApp('/q164887/sms-1-2');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'The troubleshooter could not be loaded',
    }),
  ).toBeInTheDocument();
  // One try and react-query's two retries.
  expect(
    vi.mocked(fetch).mock.calls.filter(([url]) => String(url).includes('q164887')),
  ).toHaveLength(3);

  failing = false;
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ }),
  ).toBeInTheDocument();
});

test('offline, the page says so instead of spinning, and loads when the connection is back', async () => {
  const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  let offline = true;
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/trees/q164887.json', () =>
      offline
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetchPublicFile('/trees/q164887.json'),
    ),
  );
  renderApp('/q164887');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'You are offline' }),
  ).toBeInTheDocument();
  // Offline, a retry cannot help: no retries were made.
  expect(
    vi.mocked(fetch).mock.calls.filter(([url]) => String(url).includes('q164887')),
  ).toHaveLength(1);

  offline = false;
  onLine.mockReturnValue(true);
  window.dispatchEvent(new Event('online'));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ }),
  ).toBeInTheDocument();
});

test('a link with one valid answer says so in the singular', async () => {
  renderApp('/q164887/sms-1-2/perhaps');
  await screen.findByRole('heading', { level: 1, name: 'This link does not lead to a step' });
  expect(screen.getByText('The first answer still fits; it is listed below.')).toBeInTheDocument();
});
