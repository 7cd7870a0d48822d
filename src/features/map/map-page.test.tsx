import { screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { treeQueryOptions } from '../../data/tree-query';
import { makeLargeTree } from '../../testing/large-tree';
import { renderApp } from '../../testing/render-app';
import { DIAGRAM_IN_PAGE_NODES } from './map-page';
import { planOutline } from './map-outline';

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
      name: 'Is the job a Windows NT upgrade that restarts the client? (question, on your path)',
    }),
  ).toHaveAttribute('href', '/q164887/sms-1-2?v=2');
  expect(
    diagram.getByRole('link', {
      name: /^This is the known SMS 1\.2 problem in article Q164887 \(result\)$/,
    }),
  ).toHaveAttribute(
    'href',
    '/q164887/sms-1-2/os-upgrade/repeats/failed/service/service-pack-unsure?v=2',
  );
  expect(screen.getByRole('link', { name: 'Back to your step' })).toHaveAttribute(
    'href',
    '/q164887/sms-1-2/os-upgrade?v=2',
  );
});

test('the step the trail leads to is marked as the current step, apart from the rest of the path', async () => {
  renderApp('/map/q164887?trail=sms-1-2/os-upgrade');
  const diagram = within(await screen.findByRole('group', { name: /^Diagram of/ }));
  const here = diagram.getByRole('link', {
    name: 'Does the same job start again each time the client starts? (question, you are here)',
  });
  expect(here).toHaveAttribute('aria-current', 'step');
  expect(diagram.getAllByRole('link', { name: /, on your path\)$/ })).toHaveLength(2);
  const marked = diagram.getAllByRole('link').filter((link) => link.hasAttribute('aria-current'));
  expect(marked).toEqual([here]);
});

test('the list marks the answers given and where they lead', async () => {
  renderApp('/map/q164887?trail=version-unsure/os-upgrade');
  const outline = within(await screen.findByRole('region', { name: 'The same map as a list' }));
  expect(outline.getByText('Not sure (your answer)')).toBeInTheDocument();
  expect(
    outline.getByText('Yes, an NT upgrade that restarts the client (your answer)'),
  ).toBeInTheDocument();
  expect(outline.queryByText('Yes, SMS 1.2 (your answer)')).not.toBeInTheDocument();
  const current = outline
    .getAllByRole('link')
    .filter((link) => link.getAttribute('aria-current') === 'step');
  expect(current).toHaveLength(1);
  expect(current[0]).toHaveAccessibleName(
    'Does the same job start again each time the client starts?',
  );
  expect(outline.getByText('(you are here)')).toBeInTheDocument();
});

test('without a trail nothing is marked as the current step or the path', async () => {
  renderApp('/map/q164887');
  const diagram = within(await screen.findByRole('group', { name: /^Diagram of/ }));
  expect(
    diagram.getByRole('link', {
      name: 'Is the client managed by Systems Management Server 1.2? (question)',
    }),
  ).not.toHaveAttribute('aria-current');
  expect(screen.queryByText(/\(your answer\)|\(you are here\)/)).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Start this troubleshooter' })).toHaveAttribute(
    'href',
    '/q164887',
  );
});

test('the diagram is a region the keyboard reaches, so the arrow keys can scroll it', async () => {
  const { user } = renderApp('/map/q164887');
  const region = await screen.findByRole('region', { name: 'Diagram' });
  screen.getByRole('link', { name: 'Start this troubleshooter' }).focus();
  await user.tab();
  expect(region).toHaveFocus();
});

test('the same structure is given as nested lists', async () => {
  renderApp('/map/q164887');
  const outline = within(await screen.findByRole('region', { name: 'The same map as a list' }));
  expect(outline.getAllByText('(see above)', { exact: false }).length).toBeGreaterThan(0);
  expect(
    outline.getAllByRole('link', {
      name: 'Diagnosis: This is the known SMS 1.2 problem in article Q164887',
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

test('the diagram of a tree too large to store with the page is drawn in the browser', async () => {
  const tree = makeLargeTree(DIAGRAM_IN_PAGE_NODES / 2 + 1);
  expect(tree.nodes.length).toBeGreaterThan(DIAGRAM_IN_PAGE_NODES);
  renderApp(`/map/${tree.id}`, {
    seed: (queryClient) => queryClient.setQueryData(treeQueryOptions(tree.id).queryKey, tree),
  });
  // Laid out in jsdom, which is slow at it.
  const diagram = within(
    await screen.findByRole('group', { name: /^Diagram of/ }, { timeout: 10_000 }),
  );
  expect(diagram.getAllByRole('link')).toHaveLength(tree.nodes.length);
  expect(screen.getByRole('region', { name: 'Diagram' })).not.toHaveClass('needs-js');
}, 30_000);

test('an address past the last part of the list says so, and leads to the map', async () => {
  renderApp('/map/q164887/part/2');
  expect(
    await screen.findByRole('heading', {
      level: 1,
      name: 'The map of “Windows NT upgrade job runs again at every restart (SMS 1.2)” has no such part',
    }),
  ).toBeInTheDocument();
  expect(screen.getByText(/Its list is on one page\./)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Open the map' })).toHaveAttribute(
    'href',
    '/map/q164887',
  );
});

test('with JavaScript, a part’s address shows the whole list, not the part', async () => {
  const tree = makeLargeTree(40);
  expect(planOutline(tree).parts.length).toBeGreaterThan(1);
  renderApp(`/map/${tree.id}/part/2`, {
    seed: (queryClient) => queryClient.setQueryData(treeQueryOptions(tree.id).queryKey, tree),
  });
  const outline = within(
    await screen.findByRole('region', { name: 'The same map as a list' }, { timeout: 10_000 }),
  );
  // Every node, where the part would have held only some and linked to the others.
  const hrefs = outline.getAllByRole('link').map((link) => link.getAttribute('href'));
  expect(new Set(hrefs).size).toBe(tree.nodes.length);
  expect(screen.queryByRole('navigation', { name: 'Parts of the list' })).not.toBeInTheDocument();
}, 30_000);
