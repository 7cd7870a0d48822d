import { screen, waitFor } from '@testing-library/react';
import { expect, onTestFinished, test, vi } from 'vitest';
import { setQuestionFields } from '../../engine/tree-edits';
import type { Tree } from '../../engine/tree-schema';
import { fetchPublicFile } from '../../testing/fetch-public-file-from-disk';
import { renderApp } from '../../testing/render-app';
import { shippedTrees } from '../../testing/shipped-trees';

// The new-user review: after a publish that changed only question 2's wording, an old link
// whose path had not changed opened "This troubleshooter has changed since the link was
// made" with a "Go on from here", though the editor and the review said it would be told
// of no change. Such a link now shows its step at once (engine/leads-where-it-did.ts).

const v2 = shippedTrees().find((tree) => tree.id === 'q164887')!;
const second = v2.nodes.find((node) => node.kind === 'question' && node.id !== v2.start)!;
const REWORDED = 'Is the job an upgrade of Windows NT?';
/** Version 3 of the review's steps: question 2 reworded, nothing else. */
const v3: Tree = {
  ...setQuestionFields(v2, second.id, { prompt: REWORDED }),
  version: v2.version + 1,
};

/** The site after publishing version 3: its tree file, and version 2 archived beside it. */
function servePublishedV3() {
  vi.mocked(fetch).mockImplementation(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost/');
    if (url.pathname === '/trees/q164887.json') return Response.json(v3);
    if (url.pathname === '/trees/q164887.v2.json') return Response.json(v2);
    return fetchPublicFile(input);
  });
}

/** Every level-1 heading the page shows, however briefly. */
function watchHeadings() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const heading of screen.queryAllByRole('heading', { level: 1 })) {
      const text = heading.textContent ?? '';
      if (seen.at(-1) !== text) seen.push(text);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  onTestFinished(() => observer.disconnect());
  return seen;
}

const NOTICE = /has changed since the link was made/;

test('an old link whose path did not change opens its step at once, with no notice', async () => {
  servePublishedV3();
  const seen = watchHeadings();
  const { router } = renderApp('/q164887/other-version?v=2');
  expect(
    await screen.findByRole('heading', { level: 1, name: /The client is not on SMS 1\.2/ }),
  ).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Go on from here' })).not.toBeInTheDocument();
  expect(seen.filter((text) => NOTICE.test(text))).toEqual([]);
  // The address stays the link's (docs/decisions/0062); what it leads to is this version's.
  expect(router.state.location.pathname + router.state.location.search).toBe(
    '/q164887/other-version?v=2',
  );
});

test('through the reworded question too: the step shows, in the new words', async () => {
  servePublishedV3();
  const { router } = renderApp('/q164887/sms-1-2?v=2&ticket=INC0012345');
  expect(await screen.findByRole('heading', { level: 1, name: REWORDED })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: NOTICE })).not.toBeInTheDocument();
  // The answers lead on in this version, the ticket the link carried with them.
  expect(screen.getByRole('link', { name: /^Yes, an NT upgrade/ }).getAttribute('href')).toMatch(
    /^\/q164887\/sms-1-2\/os-upgrade\?v=3&ticket=INC0012345$/,
  );
  expect(router.state.location.search).toBe('?v=2&ticket=INC0012345');
});

test('followed inside the app, Back leaves it as any other page', async () => {
  servePublishedV3();
  const { router } = renderApp('/q164887');
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  await router.navigate('/q164887/other-version?v=2');
  await screen.findByRole('heading', { level: 1, name: /The client is not on SMS 1\.2/ });
  await router.navigate(-1);
  await waitFor(() => expect(router.state.location.pathname).toBe('/q164887'));
});

test('a link whose path did change still gets the notice', async () => {
  // Version 3 also swaps two results: "other-version" now ends where "other-job" did.
  const repointed = structuredClone(v3);
  for (const node of repointed.nodes) {
    for (const answer of node.kind === 'question' ? node.answers : []) {
      if (answer.slug === 'other-version') answer.next = 'ruled-out-job';
      else if (answer.slug === 'other-job') answer.next = 'ruled-out-version';
    }
  }
  vi.mocked(fetch).mockImplementation(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost/');
    if (url.pathname === '/trees/q164887.json') return Response.json(repointed);
    if (url.pathname === '/trees/q164887.v2.json') return Response.json(v2);
    return fetchPublicFile(input);
  });
  const { router } = renderApp('/q164887/other-version?v=2');
  expect(await screen.findByRole('heading', { level: 1, name: NOTICE })).toBeInTheDocument();
  expect(screen.getByText(/The link was made with version 2; this is version 3\./)).toBeVisible();
  expect(router.state.location.search).toBe('?v=2');
});

test('the shipped version 1 links (version 2 changed only words) open their steps at once', async () => {
  const { router } = renderApp('/q164887/sms-1-2/os-upgrade?v=1');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'Does the same job start again each time the client starts?',
    }),
  ).toBeInTheDocument();
  expect(router.state.location.search).toBe('?v=1');
});

test('a Change link of an old version keeps its walk only while that walk too leads where it did', async () => {
  // Version 1 to 2 changed only words: the answer given is marked, as on version 2's own link.
  renderApp('/q164887/sms-1-2?v=1&was=sms-1-2/os-upgrade/repeats');
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade/ });
  expect(
    screen.getByRole('link', { name: 'Yes, an NT upgrade that restarts the client Your answer' }),
  ).toBeInTheDocument();
});

test('a Change link whose walk changed since shows the step without that walk', async () => {
  // Version 3 swaps where two answers after question 2 lead: the walk `was` names changed,
  // the step the link opens did not.
  const swapped = structuredClone(v3);
  for (const node of swapped.nodes) {
    for (const answer of node.kind === 'question' ? node.answers : []) {
      if (answer.slug === 'runs-once') answer.next = 'ruled-out-status';
      else if (answer.slug === 'not-failed') answer.next = 'ruled-out-repeat';
    }
  }
  vi.mocked(fetch).mockImplementation(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost/');
    if (url.pathname === '/trees/q164887.json') return Response.json(swapped);
    if (url.pathname === '/trees/q164887.v2.json') return Response.json(v2);
    return fetchPublicFile(input);
  });
  renderApp('/q164887/sms-1-2?v=2&was=sms-1-2/os-upgrade/runs-once');
  await screen.findByRole('heading', { level: 1, name: REWORDED });
  expect(screen.queryByText('Your answer')).not.toBeInTheDocument();
});
