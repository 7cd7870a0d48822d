import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { renderApp } from '../../testing/render-app';

const ALL_CONFIRMED = '/q164887/sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

test('the diagnosis names the article, the facts found, the cause and the fix', async () => {
  renderApp(ALL_CONFIRMED);
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText('Diagnosis')).toBeInTheDocument();
  expect(screen.getByText(/Knowledge Base article/)).toHaveTextContent(
    'Knowledge Base article Q164887: SMS: Upgrading Windows NT with PCM Service May Constantly Repeat',
  );

  const found = within(screen.getByRole('region', { name: 'What you found' }));
  expect(found.getAllByRole('listitem')).toHaveLength(6);
  expect(found.getByText(/runs on the client as a service \(Pcmsvc32\.exe\)/)).toBeInTheDocument();

  expect(screen.getByRole('heading', { level: 2, name: 'Why it happens' })).toBeInTheDocument();
  expect(screen.getByText(/shut-down message never reaches it/)).toBeInTheDocument();
  const fix = screen.getByRole('region', { name: 'How to fix it' });
  expect(within(fix).getAllByRole('listitem')[0]).toHaveTextContent(/SERVPACK/);
  expect(within(fix).getAllByRole('listitem')[0]).toHaveTextContent(/SMS 1\.2 U\.S\. service pack/);
  expect(
    screen.getByRole('heading', { level: 2, name: 'What to expect afterwards' }),
  ).toBeInTheDocument();
  // Everything was confirmed: no warning panel.
  expect(screen.queryByRole('region', { name: 'Not confirmed yet' })).not.toBeInTheDocument();
  expect(
    within(screen.getByRole('region', { name: 'Your answers' })).getAllByRole('term'),
  ).toHaveLength(6);
});

test('"Not sure" answers reach the diagnosis but are listed with how to confirm them', async () => {
  renderApp('/q164887/version-unsure/os-upgrade/repeats/failed/pcm-unsure/service-pack-unsure');
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  const panel = within(screen.getByRole('region', { name: 'Not confirmed yet' }));
  expect(panel.getByText(/You answered “Not sure” to 3 checks/)).toBeInTheDocument();
  const items = panel.getAllByRole('listitem');
  expect(items[0]).toHaveTextContent(/^The client is managed by SMS 1\.2\./);
  expect(items[1]).toHaveTextContent(
    /^Package Command Manager runs on the client as a service \(Pcmsvc32\.exe\)\./,
  );
  expect(items[2]).toHaveTextContent(/^The latest SMS 1\.2 service pack is not installed yet\./);
  // Each comes with the question's "how do I check" help.
  expect(
    within(items[1]!).getByText(/whether the program Pcmsvc32\.exe is running/),
  ).toBeInTheDocument();
  // Only the confirmed facts are listed as found.
  expect(
    within(screen.getByRole('region', { name: 'What you found' })).getAllByRole('listitem'),
  ).toHaveLength(3);
});

test('with the service pack installed the outcome says to escalate', async () => {
  renderApp('/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-installed');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Escalate: The symptoms match, but the fix is already installed',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText('Escalate')).toBeInTheDocument();
  expect(screen.getByText(/Knowledge Base article/)).toHaveTextContent('Q164887');
  expect(screen.getByRole('heading', { level: 2, name: 'What to do next' })).toBeInTheDocument();
});

test('a ruled-out outcome says which answer ruled the article out, why, and what next', async () => {
  renderApp('/q164887/sms-1-2/os-upgrade/repeats/failed/interactive');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Not this problem: Package Command Manager does not run as a service',
    }),
  ).toBeInTheDocument();
  // The kind is said once: above the title, and in the tab's title before it.
  expect(screen.getByText('Not this problem')).toBeInTheDocument();
  await waitFor(() =>
    expect(document.title).toBe(
      'Not this problem: Package Command Manager does not run as a service – Troubleshooter',
    ),
  );
  expect(
    screen.getByText(
      'Ruled out by your answer “No, it does not run as a service” to “Does Package Command Manager run on the client as a Windows NT service?”',
    ),
  ).toBeInTheDocument();
  expect(screen.getByText(/in a service's context/)).toBeInTheDocument();
  expect(
    screen.getByRole('heading', { level: 2, name: 'What to look at next' }),
  ).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', '/q164887');
});
