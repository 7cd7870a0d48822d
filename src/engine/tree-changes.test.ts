import { expect, test } from 'vitest';
import { migrateTrail } from './migrate-trail';
import { groupImpact, treeChanges } from './tree-changes';
import { treeImpact } from './tree-impact';
import type { Tree } from './tree-schema';
import { shippedTrees } from '../testing/shipped-trees';

const v1 = shippedTrees().find((tree) => tree.id === 'q164887') as Tree;

/** The browser test's change: a reworded question, a re-pointed answer, a renamed slug. */
function edited(): Tree {
  const tree = structuredClone(v1);
  tree.version = 2;
  for (const node of tree.nodes) {
    if (node.kind !== 'question') continue;
    if (node.id === 'repeats') node.prompt = 'Does the job run again every time the client starts?';
    const service = node.answers.find((answer) => answer.slug === 'service');
    if (service) service.next = 'diagnosis';
    const sms = node.answers.find((answer) => answer.slug === 'sms-1-2');
    if (sms) sms.slug = 'sms-one-two';
  }
  return tree;
}

test('names each change node by node: reworded, re-pointed, renamed', () => {
  expect(treeChanges(v1, edited())).toEqual([
    {
      kind: 'answer-renamed',
      question: 'Is the client managed by Systems Management Server 1.2?',
      answer: 'Yes, SMS 1.2',
      from: 'sms-1-2',
      to: 'sms-one-two',
    },
    {
      kind: 'node-reworded',
      node: 'repeats',
      label: 'Does the job run again every time the client starts?',
      was: 'Does the same job start again each time the client starts?',
      fields: ['prompt'],
    },
    {
      kind: 'answer-repointed',
      question: 'Does Package Command Manager run on the client as a Windows NT service?',
      answer: 'Yes, as a service (Pcmsvc32.exe)',
      from: 'Is the latest SMS 1.2 service pack installed yet?',
      to: 'This is the known SMS 1.2 problem in article Q164887',
    },
  ]);
  expect(treeChanges(v1, v1)).toEqual([]);
});

test('an old link through a renamed answer keeps it and says its address changed', () => {
  expect(migrateTrail(v1, edited(), ['sms-1-2', 'os-upgrade'])).toEqual({
    trail: ['sms-one-two', 'os-upgrade'],
    notices: [
      {
        kind: 'answer-renamed',
        question: 'Is the client managed by Systems Management Server 1.2?',
        answer: 'Yes, SMS 1.2',
        from: 'sms-1-2',
        to: 'sms-one-two',
      },
    ],
  });
});

test('groups the links a change affects by cause, largest first, each link once', () => {
  const draft = edited();
  const impact = treeImpact(v1, draft);
  const groups = groupImpact(v1, draft, impact);
  expect(groups.map((group) => group.key)).toEqual([
    'renamed:Is the client managed by Systems Management Server 1.2?:sms-1-2',
    'elsewhere:pcm-service:service',
  ]);
  const counted = groups.reduce((sum, group) => sum + group.trails.length, 0);
  expect(counted).toBe(
    impact.trails.filter((trail) => trail.status !== 'unchanged' || trail.migration.notices.length)
      .length,
  );
  // Every link of the second group really goes through the re-pointed answer.
  for (const trail of groups[1]!.trails) expect(trail.trail).toContain('service');
});
