import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

/**
 * The site as a Troubleshooter server serves it: the app's files from disk, config.json with
 * `server: true`, and POST /api/reports held until the test answers it.
 */
function withServer() {
  const pending: ((response: Response) => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(href, 'http://localhost/').pathname;
      if (path === '/config.json') {
        return Response.json({ embed: { allowedOrigins: [] }, server: true });
      }
      if (path === '/api/reports' && init?.method === 'POST') {
        return new Promise<Response>((resolve) => pending.push(resolve));
      }
      if (path.startsWith('/api/')) return new Response('', { status: 404 });
      return fetchPublicFile(input);
    }),
  );
  return { answer: (response: Response) => pending.shift()?.(response) };
}

async function openReportForm() {
  const view = renderApp('/q164887');
  await view.user.click(await screen.findByText('Report a problem with this step'));
  return view;
}

test('Send report with nothing chosen focuses the first choice, which is described by the error', async () => {
  withServer();
  const { user } = await openReportForm();
  await user.click(screen.getByRole('button', { name: 'Send report' }));
  const first = screen.getByRole('radio', { name: 'It is wrong' });
  expect(first).toHaveFocus();
  expect(first).toHaveAccessibleDescription('Choose what is wrong.');
  expect(
    screen.getByRole('group', { name: 'What is wrong with this step?' }),
  ).toHaveAccessibleDescription('Choose what is wrong.');

  await user.click(screen.getByRole('radio', { name: 'It is unclear' }));
  expect(screen.queryByText('Choose what is wrong.')).not.toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'It is unclear' })).not.toHaveAccessibleDescription();
});

test('while a report is out the button keeps focus and ignores presses; a failure is said there', async () => {
  const { answer } = withServer();
  const { user } = await openReportForm();
  await user.click(screen.getByRole('radio', { name: 'It is out of date' }));
  await user.click(screen.getByRole('button', { name: 'Send report' }));
  const sending = screen.getByRole('button', { name: 'Sending…' });
  expect(sending).toHaveFocus();
  expect(sending).toHaveAttribute('aria-disabled', 'true');
  await user.click(sending);
  expect(vi.mocked(fetch).mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);

  answer(new Response('', { status: 503 }));
  expect(
    await screen.findByText('The report could not be sent. Try again in a moment.'),
  ).toBeInTheDocument();
  const button = screen.getByRole('button', { name: 'Send report' });
  expect(button).toHaveFocus();
  expect(button).not.toHaveAttribute('aria-disabled');
});
