import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { paths } from '../../app/paths';
import type { Replay } from '../../engine/replay-trail';
import type { QuestionNode, Tree } from '../../engine/tree-schema';
import { StartAgainLink, YourAnswers } from './your-answers';

type QuestionScreenProps = { tree: Tree; question: QuestionNode; replay: Replay };

export function QuestionScreen({ tree, question, replay }: QuestionScreenProps) {
  const number = replay.steps.length + 1;
  return (
    <article className="step step--question">
      <DocumentTitle>{`Question ${number}: ${question.prompt}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption={`Question ${number}`}>{question.prompt}</PageHeading>
      {question.intro ? <p className="lead">{question.intro}</p> : null}

      {/* Answers are real links: each one is the next step's URL, so it can be
          opened in a new tab, copied, or served as static HTML. */}
      <ul className="answers" aria-label="Answers">
        {question.answers.map((answer) => (
          <li key={answer.slug}>
            <Link
              className={answer.unsure ? 'answer answer--unsure' : 'answer'}
              to={paths.step.getHref(tree.id, [...replay.trail, answer.slug])}
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

      <YourAnswers treeId={tree.id} steps={replay.steps} />
      {replay.steps.length > 0 ? <StartAgainLink treeId={tree.id} /> : null}
    </article>
  );
}
