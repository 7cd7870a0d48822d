import { memo, useLayoutEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { NamesThePage } from '../../components/document-title';
import { readChange, type ChangeContext } from '../../engine/change-answer';
import { resolveStep, type ResolvedStep } from '../../engine/resolve-step';
import type { Tree, TreeNode } from '../../engine/tree-schema';
import { parseTrail, parseWas } from '../../lib/paths';

const or = (text: string, placeholder: string) => (text.trim() ? text : placeholder);

/**
 * The draft as the preview shows it: text not written yet is named, so that no heading,
 * answer or title is empty on the screen (an empty heading says nothing to a screen reader).
 */
function withPlaceholders(tree: Tree): Tree {
  return {
    ...tree,
    title: or(tree.title, '(no title yet)'),
    nodes: tree.nodes.map(shownNode),
  };
}

// Kept per node: an edit makes a new node and keeps the others, so the preview of a large
// draft does not copy thousands of unchanged nodes each time typing pauses.
const shownNodes = new WeakMap<TreeNode, TreeNode>();

/** A node with its placeholders; the node itself when it has all its text. */
function shownNode(node: TreeNode): TreeNode {
  let shown = shownNodes.get(node);
  if (shown) return shown;
  if (node.kind === 'question') {
    const whole =
      node.prompt.trim() !== '' && node.answers.every((answer) => answer.label.trim() !== '');
    shown = whole
      ? node
      : {
          ...node,
          prompt: or(node.prompt, '(question not written yet)'),
          answers: node.answers.map((answer) => ({
            ...answer,
            label: or(answer.label, '(answer without a label)'),
          })),
        };
  } else {
    const whole = node.title.trim() !== '' && node.summary.trim() !== '';
    shown = whole
      ? node
      : {
          ...node,
          title: or(node.title, '(outcome without a title)'),
          summary: or(node.summary, '(no summary yet)'),
        };
  }
  shownNodes.set(node, shown);
  return shown;
}

/** A step of the draft, as the step page would resolve it. */
export type PreviewStep = {
  tree: Tree;
  step: Extract<ResolvedStep, { kind: 'question' | 'outcome' }>;
  change: ChangeContext | undefined;
};

/**
 * Renders a step with the real step screens. Supplied by the app (app/routes/edit-route.tsx):
 * the screens belong to the wizard, and one feature does not import another.
 */
export type RenderStep = (step: PreviewStep) => ReactNode;

/** Where in the draft the preview is: a trail, and the walk a Change link came from. */
export type PreviewAt = { trail: readonly string[]; was?: readonly string[] | undefined };

/**
 * The draft walked with the same screens people see. Their answers, Change and Start again
 * are links to step addresses that the draft does not have yet: a click on one inside the
 * preview is read here, and moves the preview instead of the page.
 */
export const PreviewPane = memo(function PreviewPane({
  tree,
  at,
  onMove,
  renderStep,
  walkable,
}: {
  tree: Tree;
  at: PreviewAt;
  onMove: (at: PreviewAt) => void;
  renderStep: RenderStep;
  walkable: boolean;
}) {
  if (!walkable) {
    return (
      <p>
        The preview needs each id and each answer’s address within a question to be different, and
        answers that do not lead round in a loop. Fix those problems (Checks), and it appears here.
      </p>
    );
  }
  return <WalkablePreview tree={tree} at={at} onMove={onMove} renderStep={renderStep} />;
});

const PREVIEW_ID = 'editor-preview';

function WalkablePreview({
  tree,
  at,
  onMove,
  renderStep,
}: {
  tree: Tree;
  at: PreviewAt;
  onMove: (at: PreviewAt) => void;
  renderStep: RenderStep;
}) {
  const pane = useRef<HTMLDivElement>(null);
  // The screens' links name step addresses of the draft, which no page has yet (a new
  // troubleshooter's, or a step the draft adds): opened in a new tab or copied they would
  // lead nowhere. So each points at the preview itself, and keeps where it leads in the
  // draft for the click below. After every render: React sets an href only when it changes.
  useLayoutEffect(() => {
    for (const link of pane.current?.querySelectorAll('a[href]') ?? []) {
      const href = link.getAttribute('href') ?? '';
      if (href === `#${PREVIEW_ID}`) continue;
      link.setAttribute('data-preview-href', href);
      link.setAttribute('href', `#${PREVIEW_ID}`);
    }
  });
  const shown = useMemo(() => withPlaceholders(tree), [tree]);
  const step = resolveStep(shown, at.trail);
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('data-preview-href') ?? link.href, window.location.href);
    const base = import.meta.env.BASE_URL;
    const [treeId, ...rest] = url.pathname.slice(base.length).split('/');
    // The map and any other page are not part of the draft: the click does nothing here.
    if (treeId !== tree.id) return;
    onMove({ trail: parseTrail(rest.join('/')), was: parseWas(url.search) });
  };
  return (
    // The links inside are the screens' own and work by keyboard; this only reads their clicks.
    <div className="editor-preview" id={PREVIEW_ID} ref={pane} onClickCapture={onClickCapture}>
      {step.kind === 'question' || step.kind === 'outcome' ? (
        <NamesThePage value={false}>
          {renderStep({ tree: shown, step, change: readChange(shown, step.replay.trail, at.was) })}
        </NamesThePage>
      ) : (
        <p>
          This walk does not fit the draft any more.{' '}
          <button
            type="button"
            className="editor-link-button"
            onClick={() => onMove({ trail: [] })}
          >
            Start the preview again
          </button>
        </p>
      )}
    </div>
  );
}
