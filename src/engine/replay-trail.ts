import { getNode } from './tree-lookup';
import type { Answer, QuestionNode, Tree, TreeNode } from './tree-schema';

export type AnsweredStep = {
  /** 0-based position of this answer in the trail. */
  index: number;
  question: QuestionNode;
  answer: Answer;
  /** The trail that leads to this question (its step URL), without this answer. */
  trailBefore: readonly string[];
};

export type TrailProblem =
  | { reason: 'unknown-answer'; index: number; slug: string; question: QuestionNode }
  | { reason: 'past-outcome'; index: number; slug: string };

export type Replay = {
  /** The node the valid part of the trail leads to. */
  node: TreeNode;
  steps: AnsweredStep[];
  /** The valid prefix of the trail. Equal to the input when there is no problem. */
  trail: readonly string[];
  /** The first answer that does not fit, if any; the rest of the trail is ignored. */
  problem?: TrailProblem;
};

/**
 * Replays an answer trail (answer slugs, start first) against a validated tree.
 * Pure: the same tree and trail always give the same screen, which is what makes
 * a step URL shareable.
 */
export function replayTrail(tree: Tree, trail: readonly string[]): Replay {
  let node = getNode(tree, tree.start);
  // validateTree guarantees the start node and every `next` exist.
  if (!node) throw new Error(`tree "${tree.id}" has no start node`);
  const steps: AnsweredStep[] = [];

  for (const [index, slug] of trail.entries()) {
    const valid = trail.slice(0, index);
    if (node.kind === 'outcome') {
      return { node, steps, trail: valid, problem: { reason: 'past-outcome', index, slug } };
    }
    const answer = node.answers.find((candidate) => candidate.slug === slug);
    if (!answer) {
      return {
        node,
        steps,
        trail: valid,
        problem: { reason: 'unknown-answer', index, slug, question: node },
      };
    }
    steps.push({ index, question: node, answer, trailBefore: valid });
    const next = getNode(tree, answer.next);
    if (!next) throw new Error(`answer "${slug}" points to missing node "${answer.next}"`);
    node = next;
  }

  return { node, steps, trail };
}

/** Answers given as "not sure": the checks an outcome must list as unconfirmed. */
export function unconfirmedSteps(steps: readonly AnsweredStep[]): AnsweredStep[] {
  return steps.filter((step) => step.answer.unsure === true);
}
