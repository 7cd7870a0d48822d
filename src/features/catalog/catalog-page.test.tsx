import { act, screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { catalogPage } from '../../engine/catalog-pages';
import { fetchPublicFile, fetchPublicFileExcept } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

test('the home page lists the shipped troubleshooters and starts one', async () => {
  const { user } = renderApp('/');
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Troubleshooters' }),
  ).toBeInTheDocument();
  const item = screen.getByRole('listitem');
  expect(within(item).getByText('Knowledge Base article Q164887')).toBeInTheDocument();
  await user.click(
    within(item).getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  );
  const first = await screen.findByRole('heading', {
    level: 1,
    name: /Systems Management Server 1\.2/,
  });
  await waitFor(() => expect(first).toHaveFocus());
});

test('when the list cannot be fetched the home page offers Try again', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/trees/list/1.json', () => new Response('', { status: 503 })),
  );
  renderApp('/');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'The list of troubleshooters could not be loaded',
    }),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test('typing filters the list and says how many are shown', async () => {
  const { user } = renderApp('/');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  await user.type(box, 'package manager');
  expect(await screen.findByText('1 of 1 shown')).toHaveAttribute('role', 'status');
  expect(
    screen.getByRole('link', {
      name: 'Start: Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  ).toHaveAttribute('href', '/q164887');
  await user.clear(box);
  await user.type(box, 'printer');
  // Once the words inside the trees are in (before, it says it is still looking).
  expect(await screen.findByText('No troubleshooter matches “printer”.')).toBeInTheDocument();
  expect(box).toHaveFocus();
});

test('the filter finds words inside the troubleshooters and says where they matched', async () => {
  const { user } = renderApp('/');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  for (const word of ['PCM', 'Ntencap', 'Pcmsvc32']) {
    await user.clear(box);
    await user.type(box, word);
    expect(await screen.findByText('1 of 1 shown')).toHaveAttribute('role', 'status');
  }
  const item = screen.getByRole('listitem');
  expect(
    within(item).getByText(
      'Matches a question: Does Package Command Manager run on the client as a Windows NT service?',
    ),
  ).toBeInTheDocument();
});

test('the list fetches the words inside the troubleshooters only once the filter is used', async () => {
  const { user } = renderApp('/');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  const fetched = () =>
    vi
      .mocked(fetch)
      .mock.calls.map(([input]) => new URL(String(input), 'http://localhost/').pathname);
  expect(fetched()).not.toContain('/trees/search.json');
  expect(fetched()).not.toContain('/trees/q164887.json');
  await user.click(box);
  await waitFor(() => expect(fetched()).toContain('/trees/search.json'));
  expect(fetched()).not.toContain('/trees/q164887.json');
});

const fetchedPaths = () =>
  vi
    .mocked(fetch)
    .mock.calls.map(([input]) => new URL(String(input), 'http://localhost/').pathname);

/**
 * A deployment with `total` generated troubleshooters, its list written by the build in
 * pages of `size` (trees/list/<n>.json), as the prerender writes them.
 */
function serveGeneratedList(total: number, size: number, indexArrives?: Promise<void>) {
  const entries = Array.from({ length: total }, (_, index) => ({
    id: `gen-${index + 1}`,
    title: `Generated troubleshooter ${index + 1}`,
    description: `Problem number ${index + 1}.`,
  }));
  vi.mocked(fetch).mockImplementation(async (input) => {
    const { pathname } = new URL(String(input), 'http://localhost/');
    if (pathname === '/trees/index.json') {
      await indexArrives;
      return Response.json({ trees: entries });
    }
    if (pathname === '/trees/search.json') return Response.json({ trees: [] });
    const listed = /^\/trees\/list\/(\d+)\.json$/.exec(pathname)?.[1];
    if (listed) {
      const page = catalogPage(entries, Number(listed), size);
      return page ? Response.json(page) : new Response('', { status: 404 });
    }
    return fetchPublicFile(input);
  });
}

const titles = () =>
  screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);

test('with one troubleshooter the list says so and has no pages to go to', async () => {
  renderApp('/');
  expect(await screen.findByText('1 troubleshooter')).toBeInTheDocument();
  expect(screen.queryByRole('navigation', { name: 'Pages of the list' })).not.toBeInTheDocument();
});

test('a long list comes a page at a time, each with its own address', async () => {
  serveGeneratedList(7, 3);
  const { user, router } = renderApp('/');
  expect(await screen.findByText('7 troubleshooters, 1 to 3 on this page')).toBeInTheDocument();
  expect(titles()).toEqual([1, 2, 3].map((n) => `Generated troubleshooter ${n}`));
  const pages = screen.getByRole('navigation', { name: 'Pages of the list' });
  expect(within(pages).getByRole('link', { name: 'Page 1' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(within(pages).getByRole('link', { name: 'Page 3' })).toHaveAttribute('href', '/list/3');
  expect(within(pages).queryByRole('link', { name: 'Previous page' })).not.toBeInTheDocument();

  await user.click(within(pages).getByRole('link', { name: 'Next page' }));
  const second = await screen.findByRole('heading', {
    level: 1,
    name: 'Troubleshooters: page 2 of 3',
  });
  // Focus moves in an effect once the new page is committed (root-layout.tsx).
  await waitFor(() => expect(second).toHaveFocus());
  expect(router.state.location.pathname).toBe('/list/2');
  expect(screen.getByText('7 troubleshooters, 4 to 6 on this page')).toBeInTheDocument();
  expect(titles()).toEqual([4, 5, 6].map((n) => `Generated troubleshooter ${n}`));
  expect(screen.getByRole('link', { name: 'Previous page' })).toHaveAttribute('href', '/');
  // Only the page gone to was fetched, never the whole list.
  expect(fetchedPaths()).toContain('/trees/list/2.json');
  expect(fetchedPaths()).not.toContain('/trees/index.json');

  await user.click(screen.getByRole('link', { name: 'Page 3' }));
  expect(await screen.findByText('7 troubleshooters, 7 to 7 on this page')).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Next page' })).not.toBeInTheDocument();

  // Back and Forward are the browser's history of pages.
  await act(() => router.navigate(-2));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Troubleshooters' }),
  ).toBeInTheDocument();
  expect(titles()).toEqual([1, 2, 3].map((n) => `Generated troubleshooter ${n}`));
  await act(() => router.navigate(1));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Troubleshooters: page 2 of 3' }),
  ).toBeInTheDocument();
});

test('the filter looks through every page of the list, fetched once it is used', async () => {
  serveGeneratedList(7, 3);
  const { user } = renderApp('/list/2');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  expect(fetchedPaths()).not.toContain('/trees/index.json');
  await user.type(box, 'number 7');
  expect(await screen.findByText('1 of 7 shown')).toHaveAttribute('role', 'status');
  expect(titles()).toEqual(['Generated troubleshooter 7']);
  // Matches come from every page, so the pages of the list are out of the way, and the
  // heading no longer names this one.
  expect(screen.queryByRole('navigation', { name: 'Pages of the list' })).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Troubleshooters$/);
  await user.clear(box);
  await user.type(box, 'generated');
  expect(await screen.findByText('7 of 7 shown')).toBeInTheDocument();
  expect(titles()).toHaveLength(7);
  await user.clear(box);
  expect(titles()).toEqual([4, 5, 6].map((n) => `Generated troubleshooter ${n}`));
  expect(screen.getByRole('navigation', { name: 'Pages of the list' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'Troubleshooters: page 2 of 3',
  );
});

test.each(['/list/4', '/list/next', '/list/0'])(
  '%s is no page of the list, and says so',
  async (url) => {
    serveGeneratedList(7, 3);
    renderApp(url);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The list of troubleshooters has no such page',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See all troubleshooters' })).toHaveAttribute(
      'href',
      '/',
    );
  },
);

test('without the pages the build writes (a dev server) the list is cut from index.json', async () => {
  vi.mocked(fetch).mockImplementation(async (input) =>
    new URL(String(input), 'http://localhost/').pathname.startsWith('/trees/list/')
      ? new Response('', { status: 404 })
      : fetchPublicFile(input),
  );
  renderApp('/');
  expect(await screen.findByText('1 troubleshooter')).toBeInTheDocument();
  expect(
    screen.getByRole('link', {
      name: 'Start: Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  ).toHaveAttribute('href', '/q164887');
  expect(fetchedPaths()).toContain('/trees/index.json');
});

test('until the whole list is in, the filter says it is still looking rather than that nothing matches', async () => {
  let arrive = () => {};
  serveGeneratedList(7, 3, new Promise<void>((resolve) => (arrive = resolve)));
  const { user } = renderApp('/');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  await user.type(box, 'troubleshooter 7');
  // This page's entries have one of the two words: shown, but the list is still coming.
  expect(screen.getByText('3 of 7 shown so far, still looking inside them')).toHaveAttribute(
    'role',
    'status',
  );
  await user.clear(box);
  await user.type(box, 'zzzz');
  expect(screen.getByText('Looking through every troubleshooter for “zzzz”…')).toBeInTheDocument();
  expect(screen.queryByText(/No troubleshooter matches/)).not.toBeInTheDocument();
  arrive();
  expect(await screen.findByText('No troubleshooter matches “zzzz”.')).toBeInTheDocument();
  await user.clear(box);
  await user.type(box, 'troubleshooter 7');
  expect(await screen.findByText('1 of 7 shown')).toHaveAttribute('role', 'status');
  expect(titles()).toEqual(['Generated troubleshooter 7']);
});

test('what is typed is kept in the address, so Back from a troubleshooter shows the same matches', async () => {
  const { user, router } = renderApp('/');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  await user.type(box, 'Ntencap');
  expect(await screen.findByText('1 of 1 shown')).toHaveAttribute('role', 'status');
  await waitFor(() => expect(router.state.location.search).toBe('?q=Ntencap'));
  // Typing replaces the address: no history, and focus stays in the box.
  expect(router.state.historyAction).toBe('REPLACE');
  expect(box).toHaveFocus();
  expect(box).toHaveValue('Ntencap');

  await user.click(
    screen.getByRole('link', {
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  );
  expect(
    await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ }),
  ).toBeInTheDocument();
  await act(() => router.navigate(-1));
  expect(await screen.findByRole('searchbox', { name: 'Filter troubleshooters' })).toHaveValue(
    'Ntencap',
  );
  expect(router.state.location.search).toBe('?q=Ntencap');
  expect(await screen.findByText('1 of 1 shown')).toBeInTheDocument();
});

test('a link to the list from a filtered list shows it unfiltered', async () => {
  const { user, router } = renderApp('/?q=printer');
  const box = await screen.findByRole('searchbox', { name: 'Filter troubleshooters' });
  expect(box).toHaveValue('printer');
  expect(await screen.findByText('No troubleshooter matches “printer”.')).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: 'Troubleshooter' }));
  await waitFor(() => expect(router.state.location.search).toBe(''));
  // The router's state moves first; the page renders the new address just after.
  await waitFor(() => expect(box).toHaveValue(''));
  expect(screen.getByText('1 troubleshooter')).toBeInTheDocument();
});
