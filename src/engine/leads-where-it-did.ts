import { replayTrail } from './replay-trail';
import type { Tree } from './tree-schema';

/**
 * The one rule for "this step link still leads where it did" (docs/decisions/0062): read in
 * the version it was made with (`before`) and in another (`after`), the link's answers fit
 * both, ask the same questions (by id) in the same order, and end at the same question or
 * outcome. Words may differ (a reworded question, answer or outcome is the same step); an
 * answer's address, a question's place on the walk and where an answer leads may not.
 *
 * The editor's impact panel and the review page promise it ("still lead where they did",
 * engine/tree-impact.ts), and the step page keeps that promise (engine/resolve-step.ts): such
 * a link shows its step with no notice. It is exactly the link that migrateTrail carries over
 * whole, with no notice, to where it led.
 */
export function leadsWhereItDid(before: Tree, after: Tree, trail: readonly string[]): boolean {
  const then = replayTrail(before, trail);
  const now = replayTrail(after, trail);
  if (then.problem || now.problem) return false;
  return (
    now.node.id === then.node.id &&
    now.node.kind === then.node.kind &&
    now.steps.every((step, index) => step.question.id === then.steps[index]?.question.id)
  );
}
