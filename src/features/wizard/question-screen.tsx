import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import type { ComponentType } from 'react';
import type { CopyProgress as CopyProgressScreen } from './copy-progress';
import type { ResumeOffer as ResumeOfferPanel } from './resume';
import { useHydrated } from '../../lib/use-hydrated';
import { PageHeading } from '../../components/page-heading';
import { paths } from '../../lib/paths';
import type { Replay } from '../../engine/replay-trail';
import { mostQuestionsFrom } from '../../engine/tree-paths';
import type { QuestionNode, Tree } from '../../engine/tree-schema';
import { StartAgainLink, YourAnswers } from './your-answers';

type QuestionScreenProps = {
  tree: Tree;
  question: QuestionNode;
  replay: Replay;
  /** Loaded on demand with the step (step-loader.ts): absent while prerendering. */
  ResumeOffer?: typeof ResumeOfferPanel | undefined;
  /** Loaded with every question after the first (step-loader.ts). */
  CopyProgress?: ComponentType<Parameters<typeof CopyProgressScreen>[0]> | undefined;
};

export function QuestionScreen({
  tree,
  question,
  replay,
  ResumeOffer,
  CopyProgress,
}: QuestionScreenProps) {
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
      {/* Needs JavaScript: prerendered in place but hidden until the page is interactive
          (styles.css, .needs-js), so appearing moves nothing; without scripting, left out. */}
      {CopyProgress ? (
        <div className="needs-js">
          <CopyProgress tree={tree} replay={replay} />
        </div>
      ) : null}
      <p>
        <Link to={paths.map.getHref(tree.id, replay.trail)}>Map of this troubleshooter</Link>
      </p>
      {replay.steps.length > 0 ? <StartAgainLink treeId={tree.id} /> : null}
      {/* Read from this browser's storage, so only once hydrated; last on the page, where
          appearing moves nothing the person is looking at. */}
      {hydrated && ResumeOffer && replay.steps.length === 0 ? <ResumeOffer tree={tree} /> : null}
    </article>
  );
}
