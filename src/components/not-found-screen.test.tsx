import { screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../testing/render-app';

test('the article id as people write it leads to its troubleshooter, the rest kept', async () => {
  const { router } = renderApp('/Q164887/sms-1-2?v=2');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: /Is the job a Windows NT upgrade/,
    }),
  ).toBeInTheDocument();
  await waitFor(() => expect(router.state.location.pathname).toBe('/q164887/sms-1-2'));
  expect(router.state.location.search).toBe('?v=2');
});

test('a name that is no troubleshooter and no article stays not found', async () => {
  renderApp('/Q999999');
  expect(
    await screen.findByRole('heading', { level: 1, name: /no troubleshooter at this address/ }),
  ).toBeInTheDocument();
});
