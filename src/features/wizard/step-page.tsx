import { lazy, Suspense, useMemo } from 'react';
import { useLoaderData, useParams } from 'react-router';
import { useHydrated } from '../../data/prerendered-page';
import { useStepEvents } from '../../data/use-step-events';
import { useWalkContext } from '../../lib/use-walk-context';
import { QuestionScreen } from './question-screen';
import type { StepView, TreeStepView } from './step-loader';
import { ShareStep } from './share-step';
import { WalkContextBar } from './walk-context-bar';

// Its own chunk, loaded once the page is interactive: it needs the settings and a form, and
// the first paint of every step need not wait for either. Should that code not load (the
// network drops, or a reload interrupts it, as Firefox does by failing the import in the page
// it leaves), the step stays without the report form rather than becoming an error screen.
const ReportStep = lazy(() =>
  import('./report-step').then(
    (module) => ({ default: module.ReportStep }),
    () => ({ default: () => null }),
  ),
);

/**
 * Everything on screen is derived from the URL: the loader resolved the tree id, the
 * answer trail and the link's version into a step, with its tree and its screen's code.
 */
export function StepPage() {
  const view = useLoaderData<StepView>();
  const { treeId = '' } = useParams();
  const hydrated = useHydrated();
  const { context } = useWalkContext();
  useStepEvents(
    useMemo(
      () =>
        view.kind === 'question' || view.kind === 'outcome'
          ? {
              tree: view.tree.id,
              version: view.tree.version,
              node: view.step.replay.node.id,
              trail: view.step.replay.trail,
              outcome: view.kind === 'outcome',
              context,
            }
          : undefined,
      [view, context],
    ),
  );
  if (view.kind === 'tree-error') {
    return <view.screen.TreeErrorScreen error={view.error} treeId={treeId} />;
  }
  return (
    <>
      <WalkContextBar />
      <StepScreen view={view} />
      {/* Needs JavaScript (it reads the address): hidden until the page is interactive. */}
      {view.kind === 'question' || view.kind === 'outcome' ? (
        <div className="needs-js">
          <ShareStep />
          {hydrated ? (
            <Suspense fallback={null}>
              {/* Not keyed by step: it stays mounted from answer to answer, with its query
                  of the settings; the form inside starts afresh on each step. */}
              <ReportStep
                tree={view.tree.id}
                node={view.kind === 'question' ? view.step.question.id : view.step.outcome.id}
              />
            </Suspense>
          ) : null}
        </div>
      ) : null}
      {/* Remembers the walk in this browser (loaded only there); renders nothing. */}
      {(view.kind === 'question' || view.kind === 'outcome') && view.resume ? (
        <view.resume.ProgressKeeper tree={view.tree} replay={view.step.replay} />
      ) : null}
    </>
  );
}

function StepScreen({ view }: { view: TreeStepView }) {
  const { tree } = view;
  switch (view.kind) {
    case 'version-changed':
      return (
        <view.screen.VersionChangedScreen
          tree={tree}
          archived={view.archived}
          linkVersion={view.step.linkVersion}
          trail={view.step.trail}
        />
      );
    case 'broken-trail':
      return (
        <view.screen.BrokenTrailScreen
          tree={tree}
          replay={view.step.replay}
          problem={view.step.problem}
        />
      );
    case 'question':
      return (
        <QuestionScreen
          tree={tree}
          question={view.step.question}
          replay={view.step.replay}
          questionsAtMost={view.questionsAtMost}
          change={view.change}
          ResumeOffer={view.resume?.ResumeOffer}
          savedWalk={view.savedWalk}
          CopyProgress={view.copyProgress?.CopyProgress}
        />
      );
    case 'outcome':
      return (
        <view.screen.OutcomeScreen
          tree={tree}
          outcome={view.step.outcome}
          replay={view.step.replay}
          change={view.change}
        />
      );
  }
}
