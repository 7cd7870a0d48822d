import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { useWalkContext } from '../../lib/use-walk-context';
import { forgetProgress } from './saved-progress';
import { changeAnswer, type ChangeContext } from '../../engine/change-answer';
import type { AnsweredStep } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';

/**
 * "Your answers": each question asked, the answer given and a Change link back to it.
 * The link carries the whole walk (`was`), so the question it opens can mark the answer
 * given and keep the later answers that still fit whatever is chosen. A static page
 * cannot read that from its address, so without scripting each row offers the other
 * answers right here instead, each leading on with the later answers that still fit.
 */
export function YourAnswers({
  tree,
  steps,
  walk,
  earlier,
}: {
  tree: Tree;
  steps: readonly AnsweredStep[];
  /** The whole walk, where it goes past these steps (a question opened by Change). */
  walk?: readonly string[] | undefined;
  /** A walk from before a Change, whose later answers a Change back restores. */
  earlier?: readonly string[] | undefined;
}) {
  const { carry } = useWalkContext();
  if (steps.length === 0) return null;
  const was = walk ?? steps.map((step) => step.answer.slug);
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
              <Link
                className="change-link"
                to={carry(
                  paths.step.getHref(tree.id, step.trailBefore, tree.version, was, earlier),
                )}
              >
                Change{' '}
                <span className="visually-hidden">your answer to: {step.question.prompt}</span>
              </Link>
              <ChangeHere tree={tree} was={was} earlier={earlier} step={step} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Without scripting (styles.css): the other answers to a question, as links on from here. */
function ChangeHere({
  tree,
  was,
  earlier,
  step,
}: {
  tree: Tree;
  was: readonly string[];
  earlier: readonly string[] | undefined;
  step: AnsweredStep;
}) {
  return (
    <details className="change-here">
      <summary>
        Change <span className="visually-hidden">your answer to: {step.question.prompt}</span>
      </summary>
      <ul>
        {step.question.answers
          .filter((answer) => answer.slug !== step.answer.slug)
          .map((answer) => {
            const next = changeAnswer(tree, was, step.index, answer.slug, earlier);
            const count = next.dropped.length;
            return (
              <li key={answer.slug}>
                <a href={paths.step.getHref(tree.id, next.trail, tree.version)}>{answer.label}</a>
                {count > 0 ? ` (${laterAnswersNoLongerApply(count).toLowerCase()})` : null}
              </li>
            );
          })}
      </ul>
    </details>
  );
}

/**
 * Start again means a fresh walk: the one just left is forgotten in this browser, so the
 * first question does not offer to continue it.
 */
export function StartAgainLink({ treeId }: { treeId: string }) {
  const { carry } = useWalkContext();
  return (
    <p className="start-again">
      <Link
        to={carry(paths.step.getHref(treeId))}
        onClick={() => forgetProgress(treeId)}
        data-start-again=""
      >
        Start again
      </Link>
    </p>
  );
}

/** The same words before a change (without scripting) and after it. */
function laterAnswersNoLongerApply(count: number): string {
  return count === 1
    ? 'One later answer no longer applies'
    : `${count} later answers no longer apply`;
}

/** After a changed answer: the answers of the walk before that this one no longer asks. */
export function NoLongerApply({ change }: { change: ChangeContext | undefined }) {
  if (change?.kind !== 'changed' || change.dropped.length === 0) return null;
  const count = change.dropped.length;
  return (
    <section className="panel panel--notice" aria-labelledby="no-longer-apply-heading">
      <h2 id="no-longer-apply-heading">
        {count === 1
          ? 'One later answer no longer applies'
          : `${count} later answers no longer apply`}
      </h2>
      <p>With the answer you changed, these questions are no longer on your way:</p>
      <ul>
        {change.dropped.map((step) => (
          <li key={step.question.id}>
            “{step.question.prompt}” (you answered “{step.answer.label}”)
          </li>
        ))}
      </ul>
    </section>
  );
}
