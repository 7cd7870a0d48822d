import { replayTrail, type AnsweredStep } from './replay-trail';
import { getNode } from './tree-lookup';
import type { Answer, Tree } from './tree-schema';

export type ChangedWalk = {
  /** The new trail: the answers before, the new answer, then every later answer that fits. */
  trail: string[];
  /** Later answers of the old walk that the new one does not ask for. */
  dropped: AnsweredStep[];
};

/**
 * The walk after changing the answer at `index` of a valid `trail` to `slug`. A tree
 * has no loops, so a question is asked at most once on a walk: each later question the
 * new answer still leads to is answered as before, until a question the old walk did not
 * ask (the first still to answer) or an outcome. What the old walk answered and the new
 * one does not reach is dropped, to be named to the person.
 */
export function changeAnswer(
  tree: Tree,
  trail: readonly string[],
  index: number,
  slug: string,
  earlier?: readonly string[],
): ChangedWalk {
  const old = replayTrail(tree, trail);
  const later = new Map(old.steps.slice(index + 1).map((step) => [step.question.id, step]));
  // The walk before this one (a Change that led away and is now changed back): its answers
  // to questions this walk did not reach are known too, so they return.
  const before = earlier ? replayTrail(tree, earlier) : undefined;
  const earlierAnswers = new Map(
    (before && !before.problem ? before.steps : [])
      .filter((step) => step.question.id !== old.steps[index]?.question.id)
      .map((step) => [step.question.id, step]),
  );
  const next = [...old.trail.slice(0, index), slug];
  const kept = new Set<AnsweredStep>();
  const chosen = old.steps[index]?.question.answers.find((answer) => answer.slug === slug);
  let node = chosen ? getNode(tree, chosen.next) : undefined;
  while (node?.kind === 'question') {
    const step = later.get(node.id) ?? earlierAnswers.get(node.id);
    if (!step) break;
    if (later.get(node.id)) kept.add(step);
    next.push(step.answer.slug);
    node = getNode(tree, step.answer.next);
  }
  return { trail: next, dropped: old.steps.slice(index + 1).filter((step) => !kept.has(step)) };
}

/**
 * What the `was` of a step URL (the trail the person had before a Change link) means on
 * the step the URL leads to:
 * - `changing`: this step is a question of that walk, opened by its Change link; the
 *   person's answer to it and the walk to go back to;
 * - `changed`: the step the person landed on after changing an answer, with the answers
 *   of the old walk that no longer apply.
 * Nothing when `was` does not fit the tree or says nothing new.
 */
export type ChangeContext =
  | {
      kind: 'changing';
      index: number;
      answer: Answer;
      was: readonly string[];
      /** The walk before `was`, remembered until the person answers something new. */
      earlier?: readonly string[] | undefined;
    }
  | {
      kind: 'changed';
      dropped: AnsweredStep[];
      was: readonly string[];
      earlier?: readonly string[] | undefined;
    };

/**
 * The walk a Change from this step remembers, so that changing an answer back restores
 * what came after it: on a question opened by Change, the walk before that one; on a step
 * landed on after a Change, the longer of the walk it came from and the one before that.
 * Nothing on an ordinary step: answering something new forgets it.
 */
export function rememberedWalk(change: ChangeContext | undefined): readonly string[] | undefined {
  if (change?.kind === 'changing') return change.earlier;
  if (change?.kind !== 'changed') return undefined;
  const { was, earlier } = change;
  return earlier && earlier.length > was.length ? earlier : was;
}

export function readChange(
  tree: Tree,
  trail: readonly string[],
  was: readonly string[] | undefined,
  earlier?: readonly string[],
): ChangeContext | undefined {
  if (!was || was.length === 0) return undefined;
  const old = replayTrail(tree, was);
  if (old.problem) return undefined;
  const index = trail.length;
  const isBeginning = trail.every((slug, position) => was[position] === slug);
  if (isBeginning) {
    const step = old.steps[index];
    return step ? { kind: 'changing', index, answer: step.answer, was, earlier } : undefined;
  }
  const now = replayTrail(tree, trail);
  if (now.problem) return undefined;
  // The first answer that differs is the one the person changed; what the old walk
  // answered after it and the new walk does not is what no longer applies.
  const changed = trail.findIndex((slug, position) => was[position] !== slug);
  if (changed >= was.length) return undefined;
  const answered = new Set(now.steps.map((step) => `${step.question.id}:${step.answer.slug}`));
  return {
    kind: 'changed',
    was,
    earlier,
    dropped: old.steps
      .slice(changed + 1)
      .filter((step) => !answered.has(`${step.question.id}:${step.answer.slug}`)),
  };
}
