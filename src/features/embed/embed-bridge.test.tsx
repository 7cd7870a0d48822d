import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { AppProviders } from '../../app/app-providers';
import { fetchPublicFileExcept } from '../../testing/fetch-public-file-from-disk';
import { createTestQueryClient } from '../../testing/render-app';
import { paths } from '../../lib/paths';
import { createStepLoader } from '../wizard/step-loader';
import { EmbedBridge } from './embed-bridge';

const HOST = 'https://helpdesk.example';
// One object for the frame's life, as the root layout reads it once.
const PARAMS = { parentOrigin: HOST, frameId: 'ticket-1', theme: 'auto' } as const;
// A frame the host page wrote itself (ADR 48): it waits for embed.js's hello.
const ADOPTED = { parentOrigin: HOST, frameId: 'frame', theme: 'auto', adopted: true } as const;

// jsdom's own window.parent (the window itself), put back after each test.
const ownParent = Object.getOwnPropertyDescriptor(window, 'parent');
afterEach(() => {
  if (ownParent) Object.defineProperty(window, 'parent', ownParent);
});

/** The bridge inside a layout that can re-render on demand, as the root layout does. */
function Layout({ params = PARAMS }: { params?: typeof PARAMS | typeof ADOPTED }) {
  const [renders, setRenders] = useState(0);
  return (
    <>
      <Outlet />
      <button type="button" onClick={() => setRenders(renders + 1)}>
        Render again
      </button>
      <EmbedBridge params={params} />
    </>
  );
}

/** The bridge on a step address, in a frame whose allowed parent records what it hears. */
function openFrame(address: string, params: typeof PARAMS | typeof ADOPTED = PARAMS) {
  vi.mocked(fetch).mockImplementation(
    fetchPublicFileExcept('/config.json', () =>
      Response.json({ embed: { allowedOrigins: [HOST] } }),
    ),
  );
  // The frame's parent window: the host page.
  const postMessage = vi.fn();
  Object.defineProperty(window, 'parent', { configurable: true, value: { postMessage } });
  const queryClient = createTestQueryClient();
  // The bridge reads what the step route's loader resolved, as in the app.
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout params={params} />,
        children: [
          {
            id: paths.step.id,
            path: paths.step.path,
            loader: createStepLoader(queryClient),
            Component: () => null,
          },
        ],
      },
    ],
    { initialEntries: [address] },
  );
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return postMessage;
}

test('the host hears each step once, however often the layout re-renders', async () => {
  const postMessage = openFrame('/q164887/sms-1-2');
  const steps = () =>
    postMessage.mock.calls
      .map(([message]) => message as { type: string; stepId?: string })
      .filter((message) => message.type === 'step')
      .map((message) => message.stepId);
  await vi.waitFor(() => expect(steps()).toEqual(['upgrade-job']));

  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Render again' }));
  await user.click(screen.getByRole('button', { name: 'Render again' }));
  expect(steps()).toEqual(['upgrade-job']);
  expect(postMessage.mock.calls.every(([, origin]) => origin === HOST)).toBe(true);
});

test('an unknown troubleshooter is an error event with its reason, sent once', async () => {
  const postMessage = openFrame('/no-such-tree');
  const errors = () =>
    postMessage.mock.calls
      .map(([message]) => message as { type: string })
      .filter((message) => message.type === 'error');
  await vi.waitFor(() => expect(errors()).toHaveLength(1));
  expect(errors()[0]).toMatchObject({
    tree: 'no-such-tree',
    reason: 'unknown-troubleshooter',
    message: 'No troubleshooter is called “no-such-tree”.',
  });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Render again' }));
  expect(errors()).toHaveLength(1);
  expect(postMessage.mock.calls.some(([message]) => message.type === 'ready')).toBe(false);
});

test('a frame the host wrote asks for a hello, and reports only once its parent says it', async () => {
  document.documentElement.classList.remove('embedded-sized');
  const postMessage = openFrame('/q164887', ADOPTED);
  const types = () => postMessage.mock.calls.map(([message]) => (message as { type: string }).type);
  await vi.waitFor(() => expect(types()).toEqual(['connect']));
  expect(postMessage.mock.calls[0]?.[1]).toBe(HOST);
  const hello = { protocol: 'troubleshooter-embed', version: 1, frameId: 'frame', type: 'hello' };
  const say = (origin: string, source: unknown) =>
    window.dispatchEvent(Object.assign(new Event('message'), { data: hello, origin, source }));
  // From another origin, or from a window that is not its parent: nothing.
  say('https://evil.example', window.parent);
  say(HOST, window);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Render again' }));
  expect(types()).toEqual(['connect']);
  expect(document.documentElement.classList.contains('embedded-sized')).toBe(false);

  say(HOST, window.parent);
  await vi.waitFor(() => expect(types()).toEqual(expect.arrayContaining(['ready', 'step'])));
  expect(types().filter((type) => type === 'connect')).toHaveLength(1);
  expect(document.documentElement.classList.contains('embedded-sized')).toBe(true);
  expect(postMessage.mock.calls.every(([, origin]) => origin === HOST)).toBe(true);
});
