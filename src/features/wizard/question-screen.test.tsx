import { screen, waitFor, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { answerList, renderApp } from '../../testing/render-app';

test('the start of a tree asks its first question with links to each answer', async () => {
  renderApp('/q164887');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Is the client managed by Systems Management Server 1.2?',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText('Question 1 of at most 6')).toBeInTheDocument();
  expect(answerList().getByRole('link', { name: 'Yes, SMS 1.2' })).toHaveAttribute(
    'href',
    '/q164887/sms-1-2?v=2',
  );
  expect(answerList().getByRole('link', { name: 'Not sure' })).toHaveAttribute(
    'href',
    '/q164887/version-unsure?v=2',
  );
  expect(answerList().getAllByRole('link')).toHaveLength(3);
  // Nothing answered yet: no summary and no Start again.
  expect(screen.queryByRole('heading', { name: 'Your answers' })).not.toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Start again' })).not.toBeInTheDocument();
  await waitFor(() =>
    expect(document.title).toBe(
      'Question 1: Is the client managed by Systems Management Server 1.2? – Troubleshooter',
    ),
  );
});

test('"How do I check?" opens the question\'s help', async () => {
  const { user } = renderApp('/q164887/sms-1-2/os-upgrade/repeats/failed');
  await screen.findByRole('heading', { level: 1, name: /Package Command Manager run/ });
  const helpText = screen.getByText(/whether the program Pcmsvc32\.exe is running/);
  expect(helpText).not.toBeVisible();
  await user.click(screen.getByText('How do I check?'));
  expect(helpText).toBeVisible();
});

test('a deep step shows its number, the answers so far and Change links to each earlier question', async () => {
  renderApp('/q164887/sms-1-2/job-unsure/repeats');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Is the job recorded as failed rather than completed?',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText('Question 4 of at most 6')).toBeInTheDocument();

  const summary = within(screen.getByRole('region', { name: 'Your answers' }));
  expect(summary.getAllByRole('term').map((term) => term.textContent)).toEqual([
    'Is the client managed by Systems Management Server 1.2?',
    'Is the job a Windows NT upgrade that restarts the client?',
    'Does the same job start again each time the client starts?',
  ]);
  expect(summary.getByText('not confirmed')).toBeInTheDocument();
  expect(
    summary.getAllByRole('link', { name: /^Change/ }).map((link) => link.getAttribute('href')),
  ).toEqual([
    // Each carries the whole walk, so the question it opens can keep the later answers.
    '/q164887?v=2&was=sms-1-2/job-unsure/repeats',
    '/q164887/sms-1-2?v=2&was=sms-1-2/job-unsure/repeats',
    '/q164887/sms-1-2/job-unsure?v=2&was=sms-1-2/job-unsure/repeats',
  ]);
  expect(screen.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', '/q164887');
});

test('answering moves to the next question and focuses its heading', async () => {
  const { user, router } = renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  await user.click(answerList().getByRole('link', { name: 'Yes, SMS 1.2' }));
  const heading = await screen.findByRole('heading', {
    level: 1,
    name: 'Is the job a Windows NT upgrade that restarts the client?',
  });
  expect(router.state.location.pathname).toBe('/q164887/sms-1-2');
  await waitFor(() => expect(heading).toHaveFocus());
});

test('the first screen does not take focus', async () => {
  renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  expect(document.body).toHaveFocus();
});

test('Change goes back to that question, and Back and Forward move between steps', async () => {
  const { user, router } = renderApp('/q164887/sms-1-2/os-upgrade');
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  await user.click(
    screen.getByRole('link', {
      name: 'Change your answer to: Is the job a Windows NT upgrade that restarts the client?',
    }),
  );
  const changing = await screen.findByRole('heading', {
    level: 1,
    name: /Windows NT upgrade that restarts/,
  });
  // Focus moves in an effect once the new step is committed (root-layout.tsx).
  await waitFor(() => expect(changing).toHaveFocus());
  expect(router.state.location.pathname).toBe('/q164887/sms-1-2');
  // The answer given is marked, for eyes and for screen readers.
  expect(
    answerList().getByRole('link', { name: /Yes, an NT upgrade that restarts the client/ }),
  ).toHaveAccessibleName('Yes, an NT upgrade that restarts the client Your answer');

  await router.navigate(-1);
  expect(
    await screen.findByRole('heading', { level: 1, name: /start again each time/ }),
  ).toBeInTheDocument();
  await router.navigate(1);
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ }),
  ).toBeInTheDocument();
});

test('Start again returns to the first question', async () => {
  const { user } = renderApp('/q164887/sms-1-2/os-upgrade');
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  await user.click(screen.getByRole('link', { name: 'Start again' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ }),
  ).toBeInTheDocument();
});

const DIAGNOSIS = 'sms-1-2/os-upgrade/repeats/failed/service/no-service-pack';

test('Change keeps the later answers that still fit, and names the ones that no longer apply', async () => {
  const { user, router } = renderApp(`/q164887/${DIAGNOSIS}?v=2`);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(
    screen.getByRole('link', {
      name: 'Change your answer to: Does the same job start again each time the client starts?',
    }),
  );
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  // Another Change from here still carries the whole walk.
  expect(
    screen.getByRole('link', {
      name: 'Change your answer to: Is the job a Windows NT upgrade that restarts the client?',
    }),
  ).toHaveAttribute('href', `/q164887/sms-1-2?v=2&was=${DIAGNOSIS}`);
  expect(screen.getByRole('link', { name: /go back to where you were/ })).toHaveAttribute(
    'href',
    `/q164887/${DIAGNOSIS}?v=2`,
  );
  // The same answer again: the same walk, to the diagnosis.
  expect(
    answerList().getByRole('link', { name: 'Yes, it starts again at every restart Your answer' }),
  ).toHaveAttribute('href', `/q164887/${DIAGNOSIS}?v=2`);

  await user.click(answerList().getByRole('link', { name: /^No, it ran once/ }));
  const ruledOut = await screen.findByRole('heading', { level: 1, name: /Not this problem/ });
  // Focus moves in an effect once the new step is committed (root-layout.tsx).
  await waitFor(() => expect(ruledOut).toHaveFocus());
  const notice = within(screen.getByRole('region', { name: '3 later answers no longer apply' }));
  expect(notice.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
    '“Is the job recorded as failed rather than completed?” (you answered “Yes, it is recorded as failed”)',
    '“Does Package Command Manager run on the client as a Windows NT service?” (you answered “Yes, as a service (Pcmsvc32.exe)”)',
    '“Is the latest SMS 1.2 service pack installed yet?” (you answered “No, not yet”)',
  ]);
  await router.navigate(-1);
  expect(
    await screen.findByRole('heading', { level: 1, name: /start again each time/ }),
  ).toBeInTheDocument();
});

test('changing to an answer that asks new questions keeps the ones it still asks', async () => {
  const { user } = renderApp(`/q164887/${DIAGNOSIS}?v=2`);
  await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ });
  await user.click(
    screen.getByRole('link', {
      name: 'Change your answer to: Is the job recorded as failed rather than completed?',
    }),
  );
  await screen.findByRole('heading', { level: 1, name: /recorded as failed rather/ });
  await user.click(answerList().getByRole('link', { name: 'Not sure' }));
  // The later answers still fit: straight to the diagnosis, with nothing to name.
  expect(
    await screen.findByRole('heading', { level: 1, name: /known SMS 1\.2 problem/ }),
  ).toBeInTheDocument();
  expect(screen.queryByRole('region', { name: /no longer appl/ })).not.toBeInTheDocument();
  expect(
    within(screen.getByRole('region', { name: 'Your answers' })).getAllByRole('definition'),
  ).toHaveLength(12);
});

test('each question starts with "How do I check?" closed, even after it was opened', async () => {
  const { user } = renderApp('/q164887/sms-1-2');
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ });
  // Disclosures are groups: "How do I check?" and, for scripting off, each Change.
  const openGroups = () =>
    screen.getAllByRole('group').filter((group) => group.hasAttribute('open'));
  await user.click(screen.getByText('How do I check?'));
  expect(openGroups()).toHaveLength(1);
  await user.click(answerList().getByRole('link', { name: /^Yes, an NT upgrade/ }));
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  expect(openGroups()).toEqual([]);
});

test('Space on a focused answer chooses it, as on a button', async () => {
  const { user } = renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  answerList().getByRole('link', { name: 'Yes, SMS 1.2' }).focus();
  await user.keyboard(' ');
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ }),
  ).toBeInTheDocument();
});
