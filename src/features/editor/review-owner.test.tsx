import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { TreeReview } from '../../engine/tree-review';
import { ReviewOwner } from './review-owner';

const REVIEWS: TreeReview[] = [
  {
    treeId: 'q164887',
    title: 'Upgrade job runs again at every restart',
    owner: 'kim@example.com',
    reviewBy: '2027-03-31',
    newReports: 0,
    answers: 0,
    notSolved: 0,
    due: [],
  },
];

/** A server's answers: config.json, the session, the reviews, and what PUT answers. */
function withServer(
  role: 'author' | 'publisher' | 'admin',
  put: () => Response = () => new Response(null, { status: 204 }),
) {
  const puts: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const href =
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = new URL(href, 'http://localhost/').pathname;
      if (path === '/config.json') {
        return Response.json({ embed: { allowedOrigins: [] }, server: true });
      }
      if (path === '/api/session')
        return Response.json({ account: { email: `${role}@example.com`, role } });
      if (path === '/api/reviews') return Response.json(REVIEWS);
      if (path === '/api/reviews/q164887' && init?.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        return put();
      }
      return new Response('', { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ReviewOwner treeId="q164887" />
    </QueryClientProvider>,
  );
  return puts;
}

test('a publisher changes the owner and the date by keyboard and hears that it was saved', async () => {
  const user = userEvent.setup();
  const puts = withServer('publisher');
  const owner = await screen.findByRole('textbox', { name: 'Owner’s e-mail address' });
  expect(owner).toHaveValue('kim@example.com');
  expect(owner).toHaveAccessibleDescription('Someone with an account here. Empty: no owner.');
  expect(screen.getByLabelText('Review by')).toHaveValue('2027-03-31');
  expect(
    screen.getByText(/Owner: kim@example\.com\. Review by 31 March 2027\./),
  ).toBeInTheDocument();

  await user.clear(owner);
  await user.type(owner, 'lee@example.com');
  await user.clear(screen.getByLabelText('Review by'));
  await user.type(screen.getByLabelText('Review by'), '2027-06-30');
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('status')).toHaveTextContent(
    'Saved. Owner: lee@example.com. Review by 30 June 2027.',
  );
  expect(puts).toEqual([{ owner: 'lee@example.com', reviewBy: '2027-06-30' }]);
});

test('emptied fields clear the owner and the date', async () => {
  const user = userEvent.setup();
  const puts = withServer('admin');
  await user.clear(await screen.findByRole('textbox', { name: 'Owner’s e-mail address' }));
  await user.clear(screen.getByLabelText('Review by'));
  await user.click(screen.getByRole('button', { name: 'Save owner and date' }));
  expect(await screen.findByRole('status')).toHaveTextContent(
    'Saved. No owner. No review-by date.',
  );
  expect(puts).toEqual([{ owner: null, reviewBy: null }]);
});

test('an owner without an account is refused beside the field, which takes focus', async () => {
  const user = userEvent.setup();
  withServer('publisher', () =>
    Response.json(
      { error: 'unknown-owner', message: 'No account has that email address.' },
      { status: 400 },
    ),
  );
  const owner = await screen.findByRole('textbox', { name: 'Owner’s e-mail address' });
  await user.clear(owner);
  await user.type(owner, 'nobody@example.com');
  await user.click(screen.getByRole('button', { name: 'Save owner and date' }));
  expect(
    await screen.findByText(/No account has the e-mail address nobody@example\.com/),
  ).toBeInTheDocument();
  expect(owner).toHaveAttribute('aria-invalid', 'true');
  expect(owner).toHaveAccessibleDescription(
    /No account has the e-mail address nobody@example\.com/,
  );
  expect(owner).toHaveFocus();
  expect(screen.getByRole('status')).toHaveTextContent(
    'Not saved: see the message under the field.',
  );
});

test('what is not an e-mail address is refused before anything is sent', async () => {
  const user = userEvent.setup();
  const puts = withServer('publisher');
  const owner = await screen.findByRole('textbox', { name: 'Owner’s e-mail address' });
  await user.clear(owner);
  await user.type(owner, 'kim');
  await user.click(screen.getByRole('button', { name: 'Save owner and date' }));
  expect(owner).toHaveAccessibleDescription(/Enter the owner’s e-mail address/);
  expect(owner).toHaveFocus();
  expect(puts).toEqual([]);
});

test('a failure of the server is said in the status', async () => {
  const user = userEvent.setup();
  withServer('publisher', () => new Response('', { status: 500 }));
  await user.click(await screen.findByRole('button', { name: 'Save owner and date' }));
  expect(await screen.findByText('Not saved: the server answered 500')).toBeInTheDocument();
});

test('an author sees the owner and the date, and that a publisher sets them', async () => {
  withServer('author');
  expect(
    await screen.findByText(
      'Owner: kim@example.com. Review by 31 March 2027. A publisher or an admin sets them.',
    ),
  ).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Save owner and date' })).not.toBeInTheDocument();
});
