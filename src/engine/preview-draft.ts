import { suggestId } from './slugs';
import type { Tree } from './tree-schema';

/** What an answer that leads nowhere yet shows in the editor's preview. */
export const UNWIRED_TITLE = 'This answer does not lead anywhere yet';

/**
 * The draft as the preview walks it while it is being written: every answer that leads
 * nowhere yet (or to a question or outcome that is not there) leads to a stand-in outcome
 * that says so, so that the rest of the draft can still be walked.
 */
export function wireLooseEnds(tree: Tree): Tree {
  const ids = new Set(tree.nodes.map((node) => node.id));
  const loose = tree.nodes.some(
    (node) => node.kind === 'question' && node.answers.some((answer) => !ids.has(answer.next)),
  );
  if (!loose) return tree;
  const id = suggestId('not-wired-yet', ids);
  return {
    ...tree,
    nodes: [
      ...tree.nodes.map((node) =>
        node.kind === 'question'
          ? {
              ...node,
              answers: node.answers.map((answer) =>
                ids.has(answer.next) ? answer : { ...answer, next: id },
              ),
            }
          : node,
      ),
      {
        kind: 'outcome',
        id,
        type: 'escalate',
        title: UNWIRED_TITLE,
        summary: 'Choose where this answer leads in the editor (its “Leads to”).',
      },
    ],
  };
}
