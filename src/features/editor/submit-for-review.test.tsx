import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { createTestQueryClient } from '../../testing/render-app';
import { makePrinterTree } from '../../testing/printer-tree';
import { SubmitForReview } from './submit-for-review';

/**
 * A server with an author signed in. Each POST /api/submissions waits until the test answers
 * it with `answer(response)`, so what the page does while the request is out can be seen.
 */
function withServer() {
  const posts: unknown[] = [];
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
      if (path === '/api/session') {
        return Response.json({ account: { email: 'kim@example.com', role: 'author' } });
      }
      if (path === '/api/submissions' && init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return new Promise<Response>((resolve) => pending.push(resolve));
      }
      if (path === '/api/submissions') return Response.json({ submissions: [] });
      return new Response('', { status: 404 });
    }),
  );
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <SubmitForReview tree={makePrinterTree()} baseVersion={1} draftKey="draft-1" />
    </QueryClientProvider>,
  );
  const answer = (response: Response) => pending.shift()?.(response);
  return { posts, answer };
}

test('an empty summary is refused where it is typed: the field takes focus, invalid, with its error', async () => {
  const user = userEvent.setup();
  withServer();
  const button = await screen.findByRole('button', { name: 'Submit for review' });
  await user.click(button);
  const field = screen.getByRole('textbox', { name: 'What you changed, in one line' });
  expect(field).toHaveFocus();
  expect(field).toBeInvalid();
  expect(field).toHaveAccessibleDescription(
    'Say in one line what you changed: the reviewer and the history show it.',
  );
});

test('Enter in the empty field says the error aloud, and the field is described by it as it takes focus', async () => {
  const user = userEvent.setup();
  withServer();
  const field = await screen.findByRole('textbox', { name: 'What you changed, in one line' });
  // What a screen reader reads when focus arrives: the field's state at that moment.
  const atFocus: (string | null)[] = [];
  field.addEventListener('focus', () => atFocus.push(field.getAttribute('aria-describedby')));
  await user.click(screen.getByRole('button', { name: 'Submit for review' }));
  expect(atFocus.at(-1)).toBeTruthy();
  // Already in the field (focus does not move): the error is an alert.
  await user.type(field, '{Enter}');
  expect(screen.getByRole('alert')).toHaveTextContent(
    'Say in one line what you changed: the reviewer and the history show it.',
  );
});

test('while the submission is out the button keeps focus and ignores presses; the result leaves it there', async () => {
  const user = userEvent.setup();
  const { posts, answer } = withServer();
  await user.type(
    await screen.findByRole('textbox', { name: 'What you changed, in one line' }),
    'Clearer first question',
  );
  const button = screen.getByRole('button', { name: 'Submit for review' });
  await user.click(button);
  const pendingButton = screen.getByRole('button', { name: 'Submitting…' });
  expect(pendingButton).toHaveFocus();
  expect(pendingButton).toHaveAttribute('aria-disabled', 'true');
  await user.click(pendingButton);
  expect(posts).toHaveLength(1);

  answer(
    Response.json({ message: 'This troubleshooter has problems.', problems: [] }, { status: 422 }),
  );
  expect(await screen.findByText('This troubleshooter has problems.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Submit for review' })).toHaveFocus();
  expect(screen.getByRole('button', { name: 'Submit for review' })).not.toHaveAttribute(
    'aria-disabled',
  );

  await user.click(screen.getByRole('button', { name: 'Submit for review' }));
  answer(Response.json({ id: 7 }, { status: 201 }));
  expect(await screen.findByRole('link', { name: 'Open the review' })).toHaveAttribute(
    'href',
    '/admin/reviews/7',
  );
  expect(screen.getByRole('status')).toHaveTextContent('Submitted. Open the review');
  expect(screen.getByRole('button', { name: 'Submit for review' })).toHaveFocus();
  expect(posts).toHaveLength(2);
});
