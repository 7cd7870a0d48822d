import { screen, waitFor, within } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';
import { readProgress, saveProgress } from './saved-progress';

test('an unfinished walk is offered on the start page, and Continue goes back to it', async () => {
  const { unmount } = renderApp('/q164887/sms-1-2/job-unsure');
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  await waitFor(() => expect(readProgress('q164887')?.trail).toEqual(['sms-1-2', 'job-unsure']));
  unmount();

  const { user } = renderApp('/q164887');
  const offer = await screen.findByRole('region', { name: 'Continue where you left off?' });
  // The question's own mark ends the sentence: no stray full stop after it.
  expect(within(offer).getByText(/You were at/)).toHaveTextContent(
    /\. You were at question 3: Does the same job start again each time the client starts\?$/,
  );
  await user.click(screen.getByRole('link', { name: 'Continue where you left off' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /start again each time/ }),
  ).toBeInTheDocument();
});

test('Forget it removes the saved walk from this browser', async () => {
  const { unmount } = renderApp('/q164887/sms-1-2');
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ });
  await waitFor(() => expect(readProgress('q164887')).toBeDefined());
  unmount();

  const { user } = renderApp('/q164887');
  await user.click(await screen.findByRole('button', { name: 'Forget it' }));
  expect(screen.getByText(/^Forgotten\./)).toHaveAttribute('role', 'status');
  expect(readProgress('q164887')).toBeUndefined();
  expect(
    screen.queryByRole('link', { name: 'Continue where you left off' }),
  ).not.toBeInTheDocument();
});

test('reaching an outcome finishes the walk: nothing is offered afterwards', async () => {
  const { unmount } = renderApp('/q164887/sms-1-2');
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ });
  await waitFor(() => expect(readProgress('q164887')).toBeDefined());
  unmount();
  const { unmount: leaveOutcome } = renderApp('/q164887/other-version');
  await screen.findByRole('heading', { level: 1, name: /Not this problem/ });
  await waitFor(() => expect(readProgress('q164887')).toBeUndefined());
  leaveOutcome();
  renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  expect(
    screen.queryByRole('region', { name: 'Continue where you left off?' }),
  ).not.toBeInTheDocument();
});

test('storage that throws breaks nothing', async () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('denied', 'SecurityError');
  });
  const { user } = renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  await user.click(screen.getByRole('link', { name: 'Yes, SMS 1.2' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ }),
  ).toBeInTheDocument();
});

test('a walk saved with an earlier version of the tree continues with what changed explained', async () => {
  // printer.v1.json asked about the power first; version 2 asks about the paper first.
  saveProgress('printer', {
    trail: ['power-unsure', 'paper'],
    version: 1,
    savedAt: new Date().toISOString(),
  });
  const { user } = renderApp('/printer');
  const offer = await screen.findByRole('region', { name: 'Continue where you left off?' });
  expect(offer).toHaveTextContent('at a step of an earlier version of this troubleshooter');
  await user.click(screen.getByRole('link', { name: 'Continue where you left off' }));
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'This troubleshooter has changed since the link was made',
    }),
  ).toBeInTheDocument();
});

test('Start again starts a fresh walk: the one just left is not offered', async () => {
  const { user } = renderApp('/q164887/sms-1-2/job-unsure');
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  await waitFor(() => expect(readProgress('q164887')).toBeDefined());
  await user.click(screen.getByRole('link', { name: 'Start again' }));
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  expect(readProgress('q164887')).toBeUndefined();
  expect(
    screen.queryByRole('region', { name: 'Continue where you left off?' }),
  ).not.toBeInTheDocument();
});
