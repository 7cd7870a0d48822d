import { describe, expect, test } from 'vitest';
import { changeAnswer, readChange } from './change-answer';
import { replayTrail } from './replay-trail';
import { enumeratePaths } from './tree-paths';
import { shippedTrees } from '../testing/shipped-trees';
import { makePrinterTree } from '../testing/printer-tree';

// Generated from the trees: for every walk to an outcome, every question on it, and every
// other answer to that question, the changed walk is checked against what "still fits"
// means, worked out here from the replays alone (not from changeAnswer's own loop).
for (const tree of [...shippedTrees(), makePrinterTree()]) {
  const cases = enumeratePaths(tree).flatMap(({ trail }) =>
    replayTrail(tree, trail).steps.flatMap((step) =>
      step.question.answers.map((answer) => ({ trail, index: step.index, slug: answer.slug })),
    ),
  );

  describe(`changing any answer of ${tree.id}`, () => {
    test.each(cases.map((c) => [`${c.trail.join('/')} @${c.index} → ${c.slug}`, c] as const))(
      '%s',
      (_name, { trail, index, slug }) => {
        const old = replayTrail(tree, trail);
        const oldAnswer = new Map(old.steps.map((step) => [step.question.id, step.answer.slug]));
        const { trail: changed, dropped } = changeAnswer(tree, trail, index, slug);
        const now = replayTrail(tree, changed);

        // The answers before stay, the new answer is taken, and the result is a real step.
        expect(now.problem).toBeUndefined();
        expect(changed.slice(0, index + 1)).toEqual([...trail.slice(0, index), slug]);
        // Every later answer is the old walk's answer to the same question...
        for (const step of now.steps.slice(index + 1)) {
          expect(step.answer.slug).toBe(oldAnswer.get(step.question.id));
        }
        // ...and it goes as far as they reach: an outcome, or a question not answered before.
        if (now.node.kind === 'question') expect(oldAnswer.has(now.node.id)).toBe(false);
        // Kept and dropped together are exactly the old walk's later answers.
        const keptIds = new Set(now.steps.slice(index + 1).map((step) => step.question.id));
        expect(dropped.map((step) => step.question.id).sort()).toEqual(
          old.steps
            .slice(index + 1)
            .map((step) => step.question.id)
            .filter((id) => !keptIds.has(id))
            .sort(),
        );
        // The same answer again is the same walk.
        if (slug === trail[index]) {
          expect(changed).toEqual(trail);
          expect(dropped).toEqual([]);
        }
        // The page landed on names the same dropped answers from the URL alone.
        const landed = readChange(tree, changed, trail);
        if (slug === trail[index]) expect(landed).toBeUndefined();
        else expect(landed).toEqual({ kind: 'changed', dropped, was: trail, earlier: undefined });
      },
    );
  });
}

test('a Change link opens the question with the answer given and the walk to go back to', () => {
  const tree = makePrinterTree();
  const [walk] = enumeratePaths(tree).filter(({ trail }) => trail.length >= 2);
  const was = walk!.trail;
  const change = readChange(tree, was.slice(0, 1), was);
  expect(change).toMatchObject({ kind: 'changing', index: 1, was });
  expect(change?.kind === 'changing' && change.answer.slug).toBe(was[1]);
});

test('a `was` that does not fit the tree is ignored', () => {
  const tree = makePrinterTree();
  expect(readChange(tree, [], ['no-such-answer'])).toBeUndefined();
  expect(readChange(tree, [], [])).toBeUndefined();
  expect(readChange(tree, [], undefined)).toBeUndefined();
});

test('a walk remembered from before a Change returns when the answer is changed back', () => {
  const tree = shippedTrees().find((candidate) => candidate.id === 'q164887');
  if (!tree) throw new Error('q164887 is not shipped');
  const diagnosis = ['sms-1-2', 'os-upgrade', 'repeats', 'failed', 'service', 'no-service-pack'];
  const away = changeAnswer(tree, diagnosis, 2, 'runs-once');
  expect(away.trail).toEqual(['sms-1-2', 'os-upgrade', 'runs-once']);
  // Without the walk before, only what this one knows.
  expect(changeAnswer(tree, away.trail, 2, 'repeats').trail).toEqual([
    'sms-1-2',
    'os-upgrade',
    'repeats',
  ]);
  const back = changeAnswer(tree, away.trail, 2, 'repeats', diagnosis);
  expect(back.trail).toEqual(diagnosis);
  expect(back.dropped).toEqual([]);
});
