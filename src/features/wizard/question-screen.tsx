import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import type { ComponentType, KeyboardEvent } from 'react';
import type { CopyProgress as CopyProgressScreen } from './copy-progress';
import type { ResumeOffer as ResumeOfferPanel } from './resume';
import type { SavedProgress } from './saved-progress';
import { useHydrated } from '../../data/prerendered-page';
import { PageHeading } from '../../components/page-heading';
import { paths } from '../../lib/paths';
import { useWalkContext } from '../../lib/use-walk-context';
import { changeAnswer, rememberedWalk, type ChangeContext } from '../../engine/change-answer';
import type { Replay } from '../../engine/replay-trail';
import type { QuestionNode, Tree } from '../../engine/tree-schema';
import { NoLongerApply, StartAgainLink, YourAnswers } from './your-answers';

function chooseWithSpace(event: KeyboardEvent<HTMLAnchorElement>) {
  if (event.key !== ' ' || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  event.currentTarget.click();
}

type QuestionScreenProps = {
  tree: Tree;
  question: QuestionNode;
  replay: Replay;
  /** The answers so far plus the longest walk still ahead (step-loader.ts). */
  questionsAtMost: number;
  /** Opened by a Change link, or landed on after changing an answer (step-loader.ts). */
  change?: ChangeContext | undefined;
  /** Loaded on demand with the step (step-loader.ts): absent while prerendering. */
  ResumeOffer?: typeof ResumeOfferPanel | undefined;
  /** On the start page: the unfinished walk this browser keeps, to offer. */
  savedWalk?: SavedProgress | undefined;
  /** Loaded with every question after the first (step-loader.ts). */
  CopyProgress?: ComponentType<Parameters<typeof CopyProgressScreen>[0]> | undefined;
};

export function QuestionScreen({
  tree,
  question,
  replay,
  questionsAtMost,
  change,
  ResumeOffer,
  savedWalk,
  CopyProgress,
}: QuestionScreenProps) {
  const hydrated = useHydrated();
  const { carry } = useWalkContext();
  const changing = change?.kind === 'changing' ? change : undefined;
  /** Where an answer leads: on from here, or (opened by Change) on with the later answers that still fit. */
  const answerHref = (slug: string) => {
    if (!changing) return carry(paths.step.getHref(tree.id, [...replay.trail, slug], tree.version));
    const next = changeAnswer(tree, changing.was, changing.index, slug, changing.earlier);
    // The same walk again needs no note; another one tells its page what no longer applies,
    // and remembers the walk it came from, until the person answers something new.
    const same = next.trail.join('/') === changing.was.join('/');
    return carry(
      same
        ? paths.step.getHref(tree.id, next.trail, tree.version)
        : paths.step.getHref(tree.id, next.trail, tree.version, changing.was, changing.earlier),
    );
  };
  const number = replay.steps.length + 1;
  return (
    <article className="step step--question">
      <DocumentTitle>{`Question ${number}: ${question.prompt}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption={`Question ${number} of at most ${questionsAtMost}`}>
        {question.prompt}
      </PageHeading>
      {question.intro ? <p className="lead">{question.intro}</p> : null}
      <NoLongerApply change={change} />

      {/* Answers are real links: each one is the next step's URL, so it can be
          opened in a new tab, copied, or served as static HTML. */}
      <ul className="answers" aria-label="Answers">
        {question.answers.map((answer) => {
          const chosen = changing?.answer.slug === answer.slug;
          return (
            <li key={answer.slug}>
              <Link
                className={[
                  'answer',
                  answer.unsure ? 'answer--unsure' : '',
                  chosen ? 'answer--chosen' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                to={answerHref(answer.slug)}
                // It looks like a button, so Space chooses it as Enter does (a link alone
                // would scroll the page).
                onKeyDown={chooseWithSpace}
              >
                {answer.label}
                {chosen ? (
                  <>
                    {' '}
                    <span className="tag tag--chosen">Your answer</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {changing ? (
        <p className="back-to-walk">
          <Link to={carry(paths.step.getHref(tree.id, changing.was, tree.version))}>
            Keep “{changing.answer.label}” and go back to where you were
          </Link>
        </p>
      ) : null}

      {question.help ? (
        // Keyed by question: React would otherwise keep one <details> from question to
        // question, left open on the next one if it was open on this.
        <details className="help" key={question.id}>
          <summary>How do I check?</summary>
          {question.help.map((paragraph, index) => (
            // Keyed by place: a tree may repeat a paragraph, and the list never reorders.
            <p key={index}>{paragraph}</p>
          ))}
        </details>
      ) : null}

      {/* On a question opened by Change, another Change keeps the same walk. */}
      <YourAnswers
        tree={tree}
        steps={replay.steps}
        walk={changing?.was}
        earlier={rememberedWalk(change)}
      />
      {/* Needs JavaScript: prerendered in place but hidden until the page is interactive
          (.needs-js, data/prerendered-page.css), so appearing moves nothing; without
          scripting, left out. */}
      {CopyProgress ? (
        <div className="needs-js">
          <CopyProgress tree={tree} replay={replay} />
        </div>
      ) : null}
      <p>
        <Link to={carry(paths.map.getHref(tree.id, replay.trail))}>Map of this troubleshooter</Link>
      </p>
      {replay.steps.length > 0 ? <StartAgainLink treeId={tree.id} /> : null}
      {/* Read from this browser's storage (by the loader), so only once hydrated; last on the
          page, where appearing moves nothing the person is looking at. */}
      {hydrated && ResumeOffer && savedWalk && replay.steps.length === 0 ? (
        <ResumeOffer tree={tree} saved={savedWalk} />
      ) : null}
    </article>
  );
}
