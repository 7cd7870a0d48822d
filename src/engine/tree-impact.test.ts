import { expect, test } from 'vitest';
import { treeImpact } from './tree-impact';
import { checkDraft } from './check-draft';
import { addNode, setAnswerFields, setOutcomeFields } from './tree-edits';
import { makePrinterTree } from '../testing/printer-tree';

test('an unchanged draft leaves every shared link where it was', () => {
  const deployed = makePrinterTree();
  const impact = treeImpact(deployed, makePrinterTree());
  expect(impact.versionMustRise).toBe(false);
  expect(impact.trails.every((trail) => trail.status === 'unchanged')).toBe(true);
  expect(impact.trails).toHaveLength(8);
});

test('pointing an answer at another outcome lists exactly the trails that now lead elsewhere', () => {
  const deployed = makePrinterTree();
  // "Is there paper in the tray?" → "No" now ends at "Call support" instead of "Add paper".
  const draft = setAnswerFields(deployed, 'paper', 1, { next: 'call-support' });
  expect(checkDraft(draft).walkable).toBe(true);
  const impact = treeImpact(deployed, draft);
  const moved = impact.trails.filter((trail) => trail.status !== 'unchanged');
  expect(moved.map((trail) => [trail.trail.join('/'), trail.before.id, trail.now.id])).toEqual([
    ['on/no-paper', 'add-paper', 'call-support'],
    ['power-unsure/no-paper', 'add-paper', 'call-support'],
  ]);
  expect(impact.versionMustRise).toBe(true);
  expect(impact.summary.answersChanged).toEqual([
    { question: 'Is there paper in the tray?', slug: 'no-paper', label: 'No' },
  ]);
});

test('a removed answer makes the links through it no longer valid, and says what a person is told', () => {
  const deployed = makePrinterTree();
  const draft = structuredClone(deployed);
  const power = draft.nodes[0]!;
  if (power.kind === 'question') power.answers.splice(1, 1);
  const impact = treeImpact(deployed, draft);
  const invalid = impact.trails.filter((trail) => trail.status === 'invalid');
  expect(invalid.map((trail) => trail.trail.join('/'))).toEqual([
    'power-unsure',
    'power-unsure/paper',
    'power-unsure/no-paper',
  ]);
  expect(invalid[0]!.migration.notices[0]).toEqual({
    kind: 'answer-removed',
    question: 'Is the printer switched on?',
    answer: 'Not sure',
  });
  expect(impact.summary.answersRemoved).toEqual([
    { question: 'Is the printer switched on?', slug: 'power-unsure', label: 'Not sure' },
  ]);
});

test('the summary names added and changed nodes', () => {
  const deployed = makePrinterTree();
  const added = addNode(setOutcomeFields(deployed, 'add-paper', { title: 'Refill' }), 'outcome');
  const { summary } = treeImpact(deployed, added.tree);
  expect(summary.nodesChanged.map((node) => node.id)).toEqual(['add-paper']);
  expect(summary.nodesAdded.map((node) => node.id)).toEqual([added.id]);
  expect(summary.nodesRemoved).toEqual([]);
});

test('an answer given another slug is listed as its address changed, not as removed and added', () => {
  const deployed = makePrinterTree();
  const draft = structuredClone(deployed);
  const power = draft.nodes[0]!;
  if (power.kind === 'question') power.answers[0]!.slug = 'switched-on';
  const { summary, trails } = treeImpact(deployed, draft);
  expect(summary.answersRenamed).toEqual([
    { question: 'Is the printer switched on?', slug: 'switched-on', label: 'Yes', from: 'on' },
  ]);
  expect(summary.answersAdded).toEqual([]);
  expect(summary.answersRemoved).toEqual([]);
  // Links spell the old slug: they no longer find the answer.
  expect(
    trails.filter((trail) => trail.status === 'invalid').map((t) => t.trail.join('/')),
  ).toEqual(['on', 'on/paper', 'on/no-paper']);
});

test('an answer removed and another added with other words are not taken for a change of address', () => {
  const deployed = makePrinterTree();
  const draft = structuredClone(deployed);
  const power = draft.nodes[0]!;
  if (power.kind === 'question')
    power.answers[0] = { ...power.answers[0]!, slug: 'lit', label: 'It is lit' };
  const { summary } = treeImpact(deployed, draft);
  expect(summary.answersRenamed).toEqual([]);
  expect(summary.answersAdded.map((answer) => answer.slug)).toEqual(['lit']);
  expect(summary.answersRemoved.map((answer) => answer.slug)).toEqual(['on']);
});
