import { screen, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { fetchPublicFileExcept } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';

const DIAGNOSIS = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

test('Copy for ticket puts the summary on the clipboard and says so', async () => {
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'Copy for ticket' }));
  expect(await screen.findByText('Copied the summary as plain text.')).toHaveAttribute(
    'role',
    'status',
  );
  const copied = await navigator.clipboard.readText();
  expect(copied).toContain(
    'Article: Q164887, SMS: Upgrading Windows NT with PCM Service May Constantly Repeat',
  );
  expect(copied).toContain(`http://localhost:3000${DIAGNOSIS}`);

  await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
  expect(await screen.findByText('Copied the summary as Markdown.')).toBeInTheDocument();
  expect(await navigator.clipboard.readText()).toContain('### Windows NT upgrade job runs again');
});

test('when the clipboard is refused, the summary is selected in a box to copy by hand', async () => {
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
    new DOMException('denied', 'NotAllowedError'),
  );
  await user.click(screen.getByRole('button', { name: 'Copy for ticket' }));
  expect(await screen.findByText(/Copying was not allowed here/)).toBeInTheDocument();
  const box = screen.getByRole('textbox', { name: 'Summary to copy' });
  expect(box).toHaveAttribute('readonly');
  expect((box as HTMLTextAreaElement).value).toContain('How to fix it');
});

test('"No" shows the default escalation when none is configured, and the ticket summary says it', async () => {
  const feedback = vi.fn();
  window.addEventListener('troubleshooter-feedback', feedback);
  const { user, queryClient } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  // The default text also shows while config.json is loading: wait until it has been read.
  await vi.waitFor(() => expect(queryClient.getQueryState(['config'])?.status).toBe('success'));
  const question = within(screen.getByRole('region', { name: 'Did this solve it?' }));
  await user.click(question.getByRole('button', { name: 'No' }));
  expect(question.getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
  expect(
    await question.findByText(/Pass the ticket to your next line of support/),
  ).toBeInTheDocument();
  // One pair of Copy buttons on the page: the ticket's, whose summary now says No.
  expect(screen.getAllByRole('button', { name: 'Copy as Markdown' })).toHaveLength(1);
  await user.click(screen.getByRole('button', { name: 'Copy for ticket' }));
  expect(await navigator.clipboard.readText()).toContain(
    'No: the fix was tried and did not solve the problem, so it is escalated.',
  );
  expect(feedback).toHaveBeenCalledTimes(1);
  expect((feedback.mock.calls[0]![0] as CustomEvent).detail).toEqual({ solved: false });
  window.removeEventListener('troubleshooter-feedback', feedback);
});

test('"No" shows the escalation configured in config.json', async () => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/config.json', () =>
      Response.json({
        embed: { allowedOrigins: [] },
        escalation: { label: 'the SMS team queue', url: 'https://helpdesk.example/queues/sms' },
      }),
    ),
  );
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'No' }));
  expect(await screen.findByRole('link', { name: 'the SMS team queue' })).toHaveAttribute(
    'href',
    'https://helpdesk.example/queues/sms',
  );
});

test.each([
  ['javascript:', { url: 'javascript:alert(document.domain)' }],
  ['data:', { url: 'data:text/html,<script>alert(1)</script>' }],
  ['a protocol-relative URL', { url: '//evil.example/queue' }],
  ['a mail address with markup', { email: '<img src=x>@evil.example' }],
])('an escalation link that is %s is shown as text, never as a link', async (_kind, target) => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/config.json', () =>
      Response.json({ escalation: { label: 'the SMS team queue', ...target } }),
    ),
  );
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'No' }));
  const question = within(screen.getByRole('region', { name: 'Did this solve it?' }));
  expect(await question.findByText(/the SMS team queue/)).toBeInTheDocument();
  expect(question.queryByRole('link')).not.toBeInTheDocument();
});

// Issue 27: `HTTPS://…` and a leading space silently lost the link; a mail address with a Bcc
// added it. Now the first two are normalised, and the Bcc is refused, saying why.
test.each([
  [
    'in capitals with spaces around it',
    { url: '  HTTPS://Helpdesk.Example/queues/sms ' },
    'https://helpdesk.example/queues/sms',
  ],
  ['with a leading space', { email: ' sms-team@example.com' }, 'mailto:sms-team@example.com'],
  [
    'with a subject and a body',
    { email: 'sms-team@example.com?subject=SMS upgrade&body=Hello' },
    'mailto:sms-team@example.com?subject=SMS%20upgrade&body=Hello',
  ],
])('an escalation address %s is a working link', async (_kind, target, href) => {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/config.json', () =>
      Response.json({ escalation: { label: 'the SMS team queue', ...target } }),
    ),
  );
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'No' }));
  expect(await screen.findByRole('link', { name: 'the SMS team queue' })).toHaveAttribute(
    'href',
    href,
  );
});

test('an escalation mail address that adds a Bcc is no link, and the console says why', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/config.json', () =>
      Response.json({
        escalation: {
          label: 'the SMS team queue',
          email: 'sms-team@example.com?bcc=spy@evil.example&body=x',
        },
      }),
    ),
  );
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'No' }));
  const question = within(screen.getByRole('region', { name: 'Did this solve it?' }));
  expect(await question.findByText(/the SMS team queue/)).toBeInTheDocument();
  expect(question.queryByRole('link')).not.toBeInTheDocument();
  expect(warn).toHaveBeenCalledWith(
    'Troubleshooter: config.json escalation: "sms-team@example.com?bcc=spy@evil.example&body=x" adds bcc: a mail address may carry only a subject and a body; the link is left out.',
  );
  warn.mockRestore();
});

test('"Yes" says what to do and shows no escalation', async () => {
  const { user } = renderApp(DIAGNOSIS);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(screen.getByRole('button', { name: 'Yes' }));
  expect(
    screen.getByText('Good. Record the result on the ticket and close it.'),
  ).toBeInTheDocument();
  expect(screen.queryByText(/Pass the ticket/)).not.toBeInTheDocument();
});

test('questions after the first offer Copy progress', async () => {
  const { user } = renderApp('/q164887/sms-1-2');
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ });
  await user.click(await screen.findByRole('button', { name: 'Copy progress' }));
  expect(await navigator.clipboard.readText()).toContain('Now at\nQuestion 2:');
});

test('"Did this solve it?" is asked only where a fix was given', async () => {
  renderApp('/q164887/other-version?v=2');
  await screen.findByRole('heading', { level: 1, name: /Not this problem/ });
  expect(screen.getByRole('region', { name: 'For the ticket' })).toBeInTheDocument();
  expect(screen.queryByRole('region', { name: 'Did this solve it?' })).not.toBeInTheDocument();
});
