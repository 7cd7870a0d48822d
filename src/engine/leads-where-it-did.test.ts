import { describe, expect, test } from 'vitest';
import printerV2 from '../testing/fixtures/trees/printer.json';
import { makePrinterTree } from '../testing/printer-tree';
import { shippedArchives, shippedTrees } from '../testing/shipped-trees';
import { leadsWhereItDid } from './leads-where-it-did';
import { migrateTrail } from './migrate-trail';
import { replayTrail } from './replay-trail';
import { resolveStep } from './resolve-step';
import { groupImpact } from './tree-changes';
import { setAnswerFields, setQuestionFields } from './tree-edits';
import { treeImpact } from './tree-impact';
import { allStepTrails } from './tree-paths';
import type { Tree } from './tree-schema';
import { validateTree } from './validate-tree';

// Issue: every old step link opened "This troubleshooter has changed since the link was
// made" after any publish, while the editor and the review promised that links which still
// lead where they did are told of no change. One rule (leads-where-it-did.ts) now decides
// both; these tests walk every step link of the trees themselves.

const current = shippedTrees().find((tree) => tree.id === 'q164887')!;
const printerV1 = makePrinterTree();
const printer = (() => {
  const result = validateTree(structuredClone(printerV2));
  if (!result.ok) throw new Error('printer.json is invalid');
  return result.value;
})();

const show = (trail: readonly string[]) => (trail.length === 0 ? '(start)' : trail.join('/'));

/** What the step page shows for each step link of `before` once `after` is published. */
function opened(before: Tree, after: Tree) {
  return (allStepTrails(before) ?? [])
    .filter((trail) => trail.length > 0)
    .map((trail) => ({
      trail,
      same: leadsWhereItDid(before, after, trail),
      step: resolveStep(after, trail, before.version, before),
    }));
}

/** Where the step resolves to, or that it explains the change. */
function shown(step: ReturnType<typeof resolveStep>) {
  return step.kind === 'question' || step.kind === 'outcome' ? step.replay.node.id : step.kind;
}

/** Every pair of an archived version and the version after it that the tests know. */
const pairs: [string, Tree, Tree][] = [
  ...shippedTrees().flatMap((tree) =>
    shippedArchives(tree).map((archive): [string, Tree, Tree] => [
      `${tree.id} v${archive.version}`,
      archive,
      tree,
    ]),
  ),
  ['the printer fixture v1', printerV1, printer],
];

describe.each(pairs)(
  'every step link of %s, opened on the version after it',
  (_, before, after) => {
    test('shows its step at once exactly when it leads where it did, and the notice otherwise', () => {
      for (const { trail, same, step } of opened(before, after)) {
        expect(shown(step), show(trail)).toBe(
          same ? replayTrail(before, trail).node.id : 'version-changed',
        );
      }
    });

    test('the editor and the review count the same links as unchanged', () => {
      const impact = treeImpact(before, after);
      const unchanged = impact.trails.filter((trail) => trail.status === 'unchanged');
      const same = opened(before, after).filter((link) => link.same);
      expect(unchanged.filter((trail) => trail.trail.length > 0).map((t) => show(t.trail))).toEqual(
        same.map((link) => show(link.trail)),
      );
      // The review lists in its groups every link that is not unchanged, and only those.
      const grouped = groupImpact(before, after, impact).flatMap((group) => group.trails);
      expect(grouped).toHaveLength(impact.trails.length - unchanged.length);
    });

    test('a link leads where it did exactly when the migration keeps it whole, with no notice, to the same step', () => {
      for (const trail of allStepTrails(before) ?? []) {
        const migration = migrateTrail(before, after, trail);
        const kept =
          !replayTrail(before, trail).problem &&
          migration.notices.length === 0 &&
          migration.trail.join('/') === trail.join('/') &&
          replayTrail(after, migration.trail).node.id === replayTrail(before, trail).node.id;
        expect(leadsWhereItDid(before, after, trail), show(trail)).toBe(kept);
      }
    });
  },
);

test('Q164887 version 1 to 2 changed only words: every old link shows its step at once', () => {
  const [v1] = shippedArchives(current);
  expect(v1?.version).toBe(1);
  const links = opened(v1!, current);
  expect(links.length).toBeGreaterThan(50);
  expect(links.filter((link) => !link.same).map((link) => show(link.trail))).toEqual([]);
});

test('the printer fixture moved its questions: no old link with answers opens without the notice', () => {
  const links = opened(printerV1, printer);
  expect(links.map((link) => link.step.kind)).toEqual(links.map(() => 'version-changed'));
});

describe('the new-user review: version 3 with only question 2 reworded', () => {
  const second = current.nodes.find(
    (node) => node.kind === 'question' && node.id !== current.start,
  )!;
  const v3 = {
    ...setQuestionFields(current, second.id, { prompt: 'Is the job an upgrade of Windows NT?' }),
    version: current.version + 1,
  };

  test('the editor and the review say every link still leads where it did', () => {
    const impact = treeImpact(current, v3);
    expect(impact.versionMustRise).toBe(false);
    expect(groupImpact(current, v3, impact)).toEqual([]);
  });

  test('and every link of version 2 opens its step at once, other-version among them', () => {
    const links = opened(current, v3);
    expect(links.map((link) => show(link.trail))).toContain('other-version');
    for (const { trail, step } of links) {
      expect(shown(step), show(trail)).toBe(replayTrail(current, trail).node.id);
    }
    // Shown with this version's words.
    const step = resolveStep(v3, ['sms-1-2'], current.version, current);
    expect(step.kind === 'question' && step.question.prompt).toBe(
      'Is the job an upgrade of Windows NT?',
    );
  });
});

describe('each answer of Q164887 changed in turn', () => {
  const questions = current.nodes.flatMap((node) => (node.kind === 'question' ? [node] : []));
  const changes = questions.flatMap((question) =>
    question.answers.flatMap((answer, index) => {
      const elsewhere = current.nodes.find(
        (node) => node.kind === 'outcome' && node.id !== answer.next,
      )!;
      return [
        {
          name: `${question.id}/${answer.slug} re-pointed to ${elsewhere.id}`,
          answer: answer.slug,
          question: question.id,
          draft: setAnswerFields(current, question.id, index, { next: elsewhere.id }),
        },
        {
          name: `${question.id}/${answer.slug} under a new address`,
          answer: answer.slug,
          question: question.id,
          draft: setAnswerFields(current, question.id, index, { slug: `${answer.slug}-new` }),
        },
      ];
    }),
  );

  test.each(changes)(
    '$name: exactly the links through it tell of the change',
    ({ draft, question, answer }) => {
      const next = { ...draft, version: current.version + 1 };
      for (const { trail, step } of opened(current, next)) {
        const through = replayTrail(current, trail).steps.some(
          (taken) => taken.question.id === question && taken.answer.slug === answer,
        );
        expect(step.kind === 'version-changed', show(trail)).toBe(through);
      }
    },
  );
});

test('without the version the link was made with, an old link is still explained', () => {
  const trail = ['other-version'];
  // No archived copy (or one for another version): nothing to compare with.
  expect(resolveStep(current, trail, current.version - 1).kind).toBe('version-changed');
  expect(resolveStep(current, trail, current.version - 1, current).kind).toBe('version-changed');
  // Made with a version newer than the site has: read against this one, and said so.
  expect(resolveStep(current, trail, current.version + 1, current).kind).toBe('version-changed');
  // This version's own link, and the start, need no comparison.
  expect(resolveStep(current, trail, current.version).kind).toBe('outcome');
  expect(resolveStep(current, [], current.version - 1).kind).toBe('question');
});
