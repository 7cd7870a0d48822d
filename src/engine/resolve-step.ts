import { leadsWhereItDid } from './leads-where-it-did';
import { replayTrail, type Replay, type TrailProblem } from './replay-trail';
import type { OutcomeNode, QuestionNode, Tree } from './tree-schema';

/** What a step URL shows, decided from the tree, the trail and the link's version alone. */
export type ResolvedStep =
  | { kind: 'version-changed'; linkVersion: number; trail: readonly string[] }
  | { kind: 'broken-trail'; replay: Replay; problem: TrailProblem }
  | { kind: 'question'; replay: Replay; question: QuestionNode }
  | { kind: 'outcome'; replay: Replay; outcome: OutcomeNode };

/**
 * The one decision behind every step page: the route loader uses it to fetch the code of
 * that screen before the page changes, and the page and the embed bridge read its result.
 * A link made with another version of the tree is explained first (once it has answers),
 * unless it still leads where it did (`leadsWhereItDid`, read in `linkTree`, the archived
 * version it was made with: the rule the editor and the review promise by); then a trail
 * that does not fit; otherwise the question or outcome it leads to.
 */
export function resolveStep(
  tree: Tree,
  trail: readonly string[],
  linkVersion?: number,
  linkTree?: Tree,
): ResolvedStep {
  if (linkVersion && linkVersion !== tree.version && trail.length > 0) {
    const unchanged = linkTree?.version === linkVersion && leadsWhereItDid(linkTree, tree, trail);
    if (!unchanged) return { kind: 'version-changed', linkVersion, trail };
  }
  const replay = replayTrail(tree, trail);
  if (replay.problem) return { kind: 'broken-trail', replay, problem: replay.problem };
  return replay.node.kind === 'question'
    ? { kind: 'question', replay, question: replay.node }
    : { kind: 'outcome', replay, outcome: replay.node };
}
