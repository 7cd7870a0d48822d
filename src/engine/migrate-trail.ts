import { getNode } from './tree-lookup';
import { replayTrail } from './replay-trail';
import type { Tree } from './tree-schema';

/** Why an answer from an older version's link was not carried over, or what moved. */
export type MigrationNotice =
  | { kind: 'question-removed'; question: string; answer: string }
  | { kind: 'answer-removed'; question: string; answer: string }
  /** The same answer, kept, under another address (its slug) than the link spells. */
  | { kind: 'answer-renamed'; question: string; answer: string; from: string; to: string }
  | { kind: 'not-asked'; question: string; answer: string }
  | { kind: 'order-changed'; question: string; answer: string; from: number; to: number };

export type Migration = {
  /** The trail in the current tree: the answers that still fit, in its order. */
  trail: string[];
  notices: MigrationNotice[];
};

/**
 * Carries a trail made with an older version of a tree over to the current one. The
 * old trail is read in the old tree, so each answer is known by its question's id;
 * the current tree is then walked from its start, reusing the answer given to each
 * question it asks, for as long as that answer is still offered. Everything that could
 * not be carried over is explained: the question was removed, the answer was removed,
 * the question is no longer asked on this path, or it is now asked at another point.
 */
export function migrateTrail(
  oldTree: Tree,
  currentTree: Tree,
  oldTrail: readonly string[],
): Migration {
  const given = new Map<
    string,
    { slug: string; question: string; answer: string; position: number; oldSlugs: Set<string> }
  >();
  for (const step of replayTrail(oldTree, oldTrail).steps) {
    given.set(step.question.id, {
      slug: step.answer.slug,
      question: step.question.prompt,
      answer: step.answer.label,
      position: step.index + 1,
      oldSlugs: new Set(step.question.answers.map((answer) => answer.slug)),
    });
  }

  const trail: string[] = [];
  const notices: MigrationNotice[] = [];
  const used = new Set<string>();
  let node = getNode(currentTree, currentTree.start);
  while (node?.kind === 'question') {
    const earlier = given.get(node.id);
    if (!earlier) break;
    used.add(node.id);
    let answer = node.answers.find((candidate) => candidate.slug === earlier.slug);
    if (!answer) {
      // Only its address changed: an answer the old question did not have, with the same
      // words. The person is shown the same answer under its new address, and told so.
      answer = node.answers.find(
        (candidate) => !earlier.oldSlugs.has(candidate.slug) && candidate.label === earlier.answer,
      );
      if (answer) {
        notices.push({
          kind: 'answer-renamed',
          question: node.prompt,
          answer: answer.label,
          from: earlier.slug,
          to: answer.slug,
        });
      }
    }
    if (!answer) {
      notices.push({ kind: 'answer-removed', question: node.prompt, answer: earlier.answer });
      break;
    }
    const position = trail.length + 1;
    if (position !== earlier.position) {
      notices.push({
        kind: 'order-changed',
        question: node.prompt,
        answer: answer.label,
        from: earlier.position,
        to: position,
      });
    }
    trail.push(answer.slug);
    node = getNode(currentTree, answer.next);
  }

  for (const [questionId, earlier] of given) {
    if (used.has(questionId)) continue;
    const still = getNode(currentTree, questionId);
    notices.push({
      kind: still?.kind === 'question' ? 'not-asked' : 'question-removed',
      question: earlier.question,
      answer: earlier.answer,
    });
  }
  return { trail, notices };
}
