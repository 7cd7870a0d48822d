import { Link } from 'react-router';
import { useId, useState } from 'react';
import { useWalkContext } from '../../lib/use-walk-context';
import { OpenTicket } from './open-ticket';
import { absoluteUrl, paths } from '../../lib/paths';
import { DocumentTitle } from '../../components/document-title';
import { useHydrated } from '../../data/prerendered-page';
import { CopySummary } from './copy-summary';
import { SolvedQuestion } from './solved-question';
import { buildTicketSummary, ticketSubject, type SummaryFormat } from './ticket-summary';
import type { TicketFields } from '../../engine/ticket-links';
import { PageHeading } from '../../components/page-heading';
import { unconfirmedSteps, type Replay } from '../../engine/replay-trail';
import type { OutcomeNode, OutcomeSection, Tree } from '../../engine/tree-schema';
import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';
import { NoLongerApply, StartAgainLink, YourAnswers } from './your-answers';
import { rememberedWalk, type ChangeContext } from '../../engine/change-answer';

type OutcomeScreenProps = {
  tree: Tree;
  outcome: OutcomeNode;
  replay: Replay;
  /** Landed on after changing an answer (step-loader.ts). */
  change?: ChangeContext | undefined;
};

export function OutcomeScreen({ tree, outcome, replay, change }: OutcomeScreenProps) {
  const unconfirmed = unconfirmedSteps(replay.steps);
  const found = replay.steps.filter((step) => !step.answer.unsure);
  const decisive = replay.steps.at(-1);
  const hydrated = useHydrated();
  const stepHref = paths.step.getHref(tree.id, replay.trail, tree.version);
  const { carry, context } = useWalkContext();
  /** "Did this solve it?" (a diagnosis only): its answer goes into the ticket text. */
  const [solved, setSolved] = useState<boolean>();
  // Built when copying, in the browser: the page is also prerendered, with no origin. The
  // link in the ticket keeps the ticket and client: it goes into that ticket.
  const link = () => absoluteUrl(carry(stepHref), location.origin);
  const summary = (format: SummaryFormat) =>
    buildTicketSummary({ tree, replay, url: link(), now: new Date(), format, solved, context });
  const ticketFields = (): TicketFields => ({
    subject: ticketSubject(tree, replay),
    description: summary('text'),
    link: link(),
    troubleshooter: tree.title,
    outcome: outcome.title,
    ticket: context.ticket ?? '',
  });

  // A diagnosis leads with its fix (the section of steps), so that on a phone it is on the
  // first screen, with links down to the explanation and to Copy for ticket.
  const fix =
    outcome.type === 'diagnosis'
      ? outcome.sections?.find((section) => section.steps && section.steps.length > 0)
      : undefined;
  const details = outcome.sections?.filter((section) => section !== fix) ?? [];
  return (
    <article className={`step step--outcome outcome--${outcome.type}`}>
      <DocumentTitle>{`${OUTCOME_CAPTIONS[outcome.type]}: ${outcome.title}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption={OUTCOME_CAPTIONS[outcome.type]} captionInHeading>
        {outcome.title}
      </PageHeading>
      {fix ? (
        <div className="what-to-do">
          <p className="what-to-do__caption">What to do</p>
          <OutcomeSectionView section={fix} />
          <p className="what-to-do__more no-print">
            {unconfirmed.length > 0 ? (
              <>
                <a href="#unconfirmed-heading">First confirm what is not confirmed yet</a>
                {' · '}
              </>
            ) : null}
            <a href={`#${DETAILS_ID}`}>Why it happens, and what to expect</a>
            <span className="needs-js">
              {' · '}
              <a href="#ticket-heading">Copy for ticket</a>
            </span>
          </p>
        </div>
      ) : null}
      <p className="lead">{outcome.summary}</p>
      <NoLongerApply change={change} />

      {outcome.type === 'ruled-out' && decisive ? (
        <p className="ruled-out-by">
          Ruled out by your answer “{decisive.answer.label}” to “{decisive.question.prompt}”
        </p>
      ) : null}

      {tree.article && outcome.type !== 'ruled-out' ? (
        <p className="article-ref">
          Knowledge Base article <strong>{tree.article.id}</strong>: {tree.article.title}
        </p>
      ) : null}

      {unconfirmed.length > 0 ? (
        <section className="panel panel--warning" aria-labelledby="unconfirmed-heading">
          <h2 id="unconfirmed-heading">Not confirmed yet</h2>
          <p>
            You answered “Not sure” to{' '}
            {unconfirmed.length === 1 ? 'one check' : `${unconfirmed.length} checks`}. This result
            assumes {unconfirmed.length === 1 ? 'it holds' : 'they hold'}: confirm{' '}
            {unconfirmed.length === 1 ? 'it' : 'each one'} before you act on it.
          </p>
          <ul className="unconfirmed-list">
            {unconfirmed.map((step) => (
              <li key={step.index}>
                <p className="unconfirmed-list__fact">{step.answer.fact ?? step.question.prompt}</p>
                {step.question.help?.map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {found.some((step) => step.answer.fact) ? (
        <section aria-labelledby="found-heading">
          <h2 id="found-heading">What you found</h2>
          <ul>
            {found.flatMap((step) =>
              step.answer.fact ? [<li key={step.index}>{step.answer.fact}</li>] : [],
            )}
          </ul>
        </section>
      ) : null}

      <div id={DETAILS_ID} tabIndex={-1}>
        {details.map((section) => (
          <OutcomeSectionView key={section.heading} section={section} />
        ))}
      </div>

      {/* Needs JavaScript: prerendered in place but hidden until the page is interactive
          (.needs-js, data/prerendered-page.css), so appearing moves nothing; without
          scripting, left out. */}
      <div className="needs-js">
        <section className="no-print" aria-labelledby="ticket-heading">
          <h2 id="ticket-heading">For the ticket</h2>
          <CopySummary summary={summary} label="for ticket" />
          {/* An escalation and a ruled-out result go on to the helpdesk; a diagnosis once
              its fix did not help, under "Did this solve it?" → No. */}
          {outcome.type !== 'diagnosis' ? <OpenTicket fields={ticketFields} /> : null}
        </section>
        {/* Only a diagnosis gives a fix to try; the others say where to go next. */}
        {outcome.type === 'diagnosis' ? (
          <SolvedQuestion
            solved={solved}
            onChoose={setSolved}
            openTicket={<OpenTicket fields={ticketFields} />}
          />
        ) : null}
      </div>

      {/* Landed here by a Change: the walk it came from is remembered for the next Change. */}
      <YourAnswers tree={tree} steps={replay.steps} earlier={rememberedWalk(change)} />
      {hydrated ? (
        <p className="print-only">
          Link to this result: {absoluteUrl(stepHref, window.location.origin)}
        </p>
      ) : null}
      <p className="no-print">
        <Link to={carry(paths.map.getHref(tree.id, replay.trail))}>Map of this troubleshooter</Link>
      </p>
      <StartAgainLink treeId={tree.id} />
    </article>
  );
}

const DETAILS_ID = 'outcome-details';

function OutcomeSectionView({ section }: { section: OutcomeSection }) {
  const headingId = useId();
  return (
    <section className="outcome-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.heading}</h2>
      {/* Keyed by place: a tree may repeat a paragraph, and these lists never reorder. */}
      {section.paragraphs?.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {section.steps ? (
        <ol>
          {section.steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      ) : null}
      {section.items ? (
        <ul>
          {section.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
