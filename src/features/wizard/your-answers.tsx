import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import type { AnsweredStep } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';

/** "Your answers": each question asked, the answer given and a Change link back to it. */
export function YourAnswers({
  tree,
  steps,
}: {
  tree: Pick<Tree, 'id' | 'version'>;
  steps: readonly AnsweredStep[];
}) {
  if (steps.length === 0) return null;
  return (
    <section className="your-answers" aria-labelledby="your-answers-heading">
      <h2 id="your-answers-heading">Your answers</h2>
      <dl className="summary-list">
        {steps.map((step) => (
          <div className="summary-list__row" key={step.index}>
            <dt className="summary-list__question">{step.question.prompt}</dt>
            <dd className="summary-list__answer">
              {step.answer.label}
              {step.answer.unsure ? <span className="tag">not confirmed</span> : null}
            </dd>
            <dd className="summary-list__action">
              <Link to={paths.step.getHref(tree.id, step.trailBefore, tree.version)}>
                Change{' '}
                <span className="visually-hidden">your answer to: {step.question.prompt}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function StartAgainLink({ treeId }: { treeId: string }) {
  return (
    <p className="start-again">
      <Link to={paths.step.getHref(treeId)}>Start again</Link>
    </p>
  );
}
