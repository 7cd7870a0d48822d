import { checkDraft, type DraftCheck } from '../../engine/check-draft';
import { wireLooseEnds } from '../../engine/preview-draft';
import { treeImpact, type TreeImpact } from '../../engine/tree-impact';
import type { Tree } from '../../engine/tree-schema';

/** What the editor shows about a draft once typing pauses: one function, wherever it runs. */
export type DraftReport = {
  check: DraftCheck;
  /** Whether the preview can walk it, its unwired answers leading to a stand-in. */
  previewable: boolean;
  /** The impact on shared links, when asked for and the draft can be walked. */
  impact: TreeImpact | undefined;
};

/**
 * The checks of a draft (the engine's one rulebook), whether the preview can walk it, and,
 * with `withImpact`, what it does to links of the deployed version. Run in the checks'
 * worker, or on the page where there is none (draft-checker.ts): the same call either way,
 * so the same results.
 */
export function reportOnDraft(
  tree: Tree,
  deployed: Tree | undefined,
  withImpact: boolean,
): DraftReport {
  const check = checkDraft(tree);
  let previewable = check.walkable;
  if (!previewable) {
    const wired = wireLooseEnds(tree);
    previewable = wired !== tree && checkDraft(wired).walkable;
  }
  const impact = withImpact && deployed && check.walkable ? treeImpact(deployed, tree) : undefined;
  return { check, previewable, impact };
}
