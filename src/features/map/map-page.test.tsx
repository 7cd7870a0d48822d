import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../testing/render-app';

test('the map shows every node as a link to its step, with the current path marked', async () => {
  renderApp('/map/q164887?trail=sms-1-2/os-upgrade');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Windows NT upgrade job runs again at every restart (SMS 1.2)',
    }),
  ).toBeInTheDocument();
  const diagram = within(screen.getByRole('group', { name: /^Diagram of/ }));
  expect(diagram.getAllByRole('link')).toHaveLength(13);
  expect(
    diagram.getByRole('link', {
      name: 'Does the same job start again each time the client starts? (question, on your path)',
    }),
  ).toHaveAttribute('href', '/q164887/sms-1-2/os-upgrade?v=1');
  expect(
    diagram.getByRole('link', {
      name: /^This is the known SMS 1\.2 problem in article Q164887 \(result\)$/,
    }),
  ).toHaveAttribute(
    'href',
    '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-unsure?v=1',
  );
  expect(screen.getByRole('link', { name: 'Back to your step' })).toHaveAttribute(
    'href',
    '/q164887/sms-1-2/os-upgrade?v=1',
  );
});

test('the same structure is given as nested lists', async () => {
  renderApp('/map/q164887');
  const outline = within(await screen.findByRole('region', { name: 'The same map as a list' }));
  expect(outline.getAllByText('(see above)', { exact: false }).length).toBeGreaterThan(0);
  expect(
    outline.getAllByRole('link', {
      name: 'Result: This is the known SMS 1.2 problem in article Q164887',
    }),
  ).toHaveLength(2);
});

test('every step links to the map with its path', async () => {
  renderApp('/q164887/sms-1-2');
  expect(await screen.findByRole('link', { name: 'Map of this troubleshooter' })).toHaveAttribute(
    'href',
    '/map/q164887?trail=sms-1-2',
  );
});
