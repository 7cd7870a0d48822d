import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

const REFUSAL = 'The id “printer-jams” is already used by another draft.';

/** One draft on the server, held by Kim, that holds the id "printer-jams". */
const kimsDraft = (title: string) => ({
  key: 'new:0123456789abcdef',
  treeId: 'printer-jams',
  basedOn: null,
  revision: 2,
  updatedAt: '2026-12-07T10:00:00.000Z',
  updatedBy: 'kim@example.com',
  title,
});

/**
 * A server with Bob, an author, signed in, and `drafts` on it. Saves are refused as the server
 * refuses an id in use (422); a DELETE removes a draft and is recorded in `deleted`.
 */
function withServer(drafts: ReturnType<typeof kimsDraft>[]) {
  const deleted: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(href, 'http://localhost/').pathname;
      const method = init?.method ?? 'GET';
      if (path === '/config.json') {
        return Response.json({ embed: { allowedOrigins: [] }, server: true });
      }
      if (path === '/api/session') {
        return Response.json({ account: { email: 'bob@example.com', role: 'author' } });
      }
      if (path === '/api/drafts') return Response.json({ drafts });
      if (path.endsWith('/presence')) return Response.json({ editors: [] });
      if (path.startsWith('/api/drafts/') && method === 'DELETE') {
        const key = decodeURIComponent(path.slice('/api/drafts/'.length));
        deleted.push(key);
        drafts = drafts.filter((draft) => draft.key !== key);
        return new Response(null, { status: 204 });
      }
      if (path.startsWith('/api/drafts/') && method === 'GET')
        return Response.json({ draft: null });
      if (path.startsWith('/api/drafts/') && method === 'PUT') {
        return Response.json({ message: REFUSAL }, { status: 422 });
      }
      if (path === '/api/submissions') return Response.json({ submissions: [] });
      if (path.startsWith('/api/')) return new Response('', { status: 404 });
      return fetchPublicFile(input);
    }),
  );
  return { deleted };
}

test('an id held by an untitled draft on the server names it sensibly; a refused save is not called saved by the checks', async () => {
  withServer([kimsDraft('')]);
  const { user } = renderApp('/edit');
  const id = await screen.findByRole('textbox', { name: 'Id' }, { timeout: 5000 });
  await user.clear(id);
  await user.type(id, 'printer-jams');
  expect(id).toHaveAttribute('aria-invalid', 'true');
  expect(id).toHaveAccessibleDescription(
    /is already used by another draft on the server \(untitled so far, last saved by kim@example\.com\)/,
  );
  expect(id).not.toHaveAccessibleDescription(/“”/);

  expect(
    await screen.findByText(`Not saved: ${REFUSAL}`, {}, { timeout: 5000 }),
  ).toBeInTheDocument();
  const checks = screen.getByRole('region', { name: 'Checks' });
  expect(within(checks).getByRole('status')).toHaveTextContent(/to fix before publishing\.$/);
  expect(within(checks).getByRole('status')).not.toHaveTextContent(/still saved/);
});

test('a shared draft is deleted for everyone only after a second step, and the list says so', async () => {
  const { deleted } = withServer([kimsDraft('Printer jams')]);
  const { user } = renderApp('/edit');
  await user.click(await screen.findByRole('tab', { name: 'Drafts' }, { timeout: 5000 }));
  const deleteButton = await screen.findByRole('button', { name: 'Delete Printer jams' });
  // Kim's draft is on the list, but it is not offered to Bob as "your last draft".
  expect(screen.queryByText(/Your last draft/)).not.toBeInTheDocument();
  await user.click(deleteButton);
  // Asked first, with focus on the question; Keep it leaves everything as it was.
  expect(
    screen.getByText('Delete “Printer jams” for everyone? It cannot be undone.'),
  ).toHaveFocus();
  await user.click(screen.getByRole('button', { name: 'Keep it' }));
  expect(deleted).toEqual([]);
  expect(screen.getByRole('button', { name: 'Delete Printer jams' })).toHaveFocus();

  await user.click(screen.getByRole('button', { name: 'Delete Printer jams' }));
  await user.click(screen.getByRole('button', { name: 'Delete for everyone' }));
  const said = await screen.findByText('Deleted “Printer jams”.');
  expect(said).toHaveAttribute('role', 'status');
  await vi.waitFor(() => expect(said).toHaveFocus());
  expect(deleted).toEqual(['new:0123456789abcdef']);
  expect(await screen.findByText('No drafts on the server yet.')).toBeInTheDocument();
});
