import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';

/** The app's files from disk, with config.json as `body`. */
function withConfig(body: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return new URL(href, 'http://localhost/').pathname === '/config.json'
        ? new Response(body, { headers: { 'content-type': 'application/json' } })
        : fetchPublicFile(input);
    }),
  );
}

test('a config.json with a trailing comma is said in the editor, with what it drops', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  withConfig('{ "escalation": { "label": "SMS support", "email": "sms@example.com" }, }');
  renderApp('/edit');
  const notice = await screen.findByRole(
    'region',
    { name: 'config.json could not be read' },
    { timeout: 5000 },
  );
  expect(notice).toHaveTextContent(
    /none of its settings apply: walkers see no escalation contact, no “Open a ticket” and no address for reporting a step, and no intranet page may embed the troubleshooter/,
  );
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('config.json is not valid JSON'));
});

test('a readable config.json is not mentioned', async () => {
  withConfig('{ "embed": { "allowedOrigins": [] } }');
  renderApp('/edit');
  expect(await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 })).toBeVisible();
  expect(
    screen.queryByRole('region', { name: 'config.json could not be read' }),
  ).not.toBeInTheDocument();
});
