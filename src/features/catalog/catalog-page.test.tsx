import { screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFileExcept } from '../../testing/fetch-public-file-from-disk';
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
  expect(
    await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ }),
  ).toHaveFocus();
});

test('when the list cannot be fetched the home page offers Try again', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/trees/index.json', () => new Response('', { status: 503 })),
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
  expect(screen.getByText('1 of 1 shown')).toHaveAttribute('role', 'status');
  expect(
    screen.getByRole('link', {
      name: 'Start: Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  ).toHaveAttribute('href', '/q164887');
  await user.clear(box);
  await user.type(box, 'printer');
  expect(screen.getByText('No troubleshooter matches “printer”.')).toBeInTheDocument();
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
