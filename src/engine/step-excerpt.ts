import { replayTrail } from './replay-trail';
import { mostQuestionsFrom } from './tree-paths';
import type { Tree, TreeNode } from './tree-schema';

/**
 * What a prerendered step page carries of its tree (docs/decisions/0020): enough to show
 * and hydrate that one step, so that a page grows with its trail, not with the tree.
 * The whole tree is one file, fetched once when the person goes on.
 */
export type StepExcerpt = {
  /** The tree with only the nodes of the walk: the questions answered and where it ends. */
  tree: Tree;
  /**
   * For a question: "of at most N" (the answers so far and the longest walk still ahead),
   * which needs the whole tree below it, so it is counted when the excerpt is cut.
   */
  questionsAtMost?: number;
};

/**
 * Cuts the excerpt for a valid trail. Replaying the trail reads only the walk's nodes, and
 * so does `changeAnswer` (each Change without JavaScript is a link worked out from it): a
 * changed answer keeps later answers only while it leads on to questions of the walk, so
 * a node off the walk ends it whatever it is, and need not be there. The prerender test
 * renders every step from its excerpt and from the whole tree and compares the markup, so
 * a screen that starts reading more fails there.
 */
export function cutStepExcerpt(tree: Tree, trail: readonly string[]): StepExcerpt {
  const replay = replayTrail(tree, trail);
  if (replay.problem) throw new Error(`no step of "${tree.id}" at ${trail.join('/')}`);
  const keep = new Set<string>([
    tree.start,
    ...replay.steps.map((step) => step.question.id),
    replay.node.id,
  ]);
  const nodes: TreeNode[] = tree.nodes.filter((node) => keep.has(node.id));
  // `$schema` is for editors of the file, nothing a screen shows.
  const { $schema: _schema, ...fields } = tree;
  return {
    tree: { ...fields, nodes },
    ...(replay.node.kind === 'question'
      ? { questionsAtMost: replay.steps.length + mostQuestionsFrom(tree, replay.node.id) }
      : {}),
  };
}

/**
 * Whether the excerpt cut for a step can stand for the tree when that step is opened with
 * this query: read with the version it has, and not after a Change link (`was` names a
 * walk whose other steps it does not hold). Anything else needs the whole tree.
 */
export function excerptServes(
  excerpt: StepExcerpt,
  linkVersion: number | undefined,
  was: readonly string[] | undefined,
): boolean {
  return !was && (!linkVersion || linkVersion === excerpt.tree.version);
}
