import { screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';

// The report form's chunk fails to load, as it does when the network drops or when Firefox
// fails the imports of a page being reloaded.
vi.mock('./report-step', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

test('a step whose report form cannot load is still the step, with no error', async () => {
  const { user } = renderApp('/q164887');
  expect(
    await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ }),
  ).toBeInTheDocument();
  await user.click(screen.getByRole('link', { name: /Yes, SMS 1\.2/ }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade/ }),
  ).toBeInTheDocument();
  expect(screen.queryByText('Report a problem with this step')).not.toBeInTheDocument();
});
