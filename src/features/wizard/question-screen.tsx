import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { CopyProgress, ResumeOffer } from '../../components/lazy-screens';
import { useHydrated } from '../../lib/use-hydrated';
import { PageHeading } from '../../components/page-heading';
import { paths } from '../../lib/paths';
import type { Replay } from '../../engine/replay-trail';
import { mostQuestionsFrom } from '../../engine/tree-paths';
import type { QuestionNode, Tree } from '../../engine/tree-schema';
import { StartAgainLink, YourAnswers } from './your-answers';

type QuestionScreenProps = { tree: Tree; question: QuestionNode; replay: Replay };

export function QuestionScreen({ tree, question, replay }: QuestionScreenProps) {
  const hydrated = useHydrated();
  const number = replay.steps.length + 1;
  // "at most": answers can end the walk early, never make it longer.
  const atMost = replay.steps.length + mostQuestionsFrom(tree, question.id);
  return (
    <article className="step step--question">
      <DocumentTitle>{`Question ${number}: ${question.prompt}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption={`Question ${number} of at most ${atMost}`}>
        {question.prompt}
      </PageHeading>
      {question.intro ? <p className="lead">{question.intro}</p> : null}
      {hydrated && replay.steps.length === 0 ? <ResumeOffer tree={tree} /> : null}

      {/* Answers are real links: each one is the next step's URL, so it can be
          opened in a new tab, copied, or served as static HTML. */}
      <ul className="answers" aria-label="Answers">
        {question.answers.map((answer) => (
          <li key={answer.slug}>
            <Link
              className={answer.unsure ? 'answer answer--unsure' : 'answer'}
              to={paths.step.getHref(tree.id, [...replay.trail, answer.slug], tree.version)}
            >
              {answer.label}
            </Link>
          </li>
        ))}
      </ul>

      {question.help ? (
        <details className="help">
          <summary>How do I check?</summary>
          {question.help.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </details>
      ) : null}

      <YourAnswers tree={tree} steps={replay.steps} />
      {/* Needs JavaScript, and its code loads on demand: shown once the page has hydrated. */}
      {hydrated && replay.steps.length > 0 ? <CopyProgress tree={tree} replay={replay} /> : null}
      <p>
        <Link to={paths.map.getHref(tree.id, replay.trail)}>Map of this troubleshooter</Link>
      </p>
      {replay.steps.length > 0 ? <StartAgainLink treeId={tree.id} /> : null}
    </article>
  );
}
