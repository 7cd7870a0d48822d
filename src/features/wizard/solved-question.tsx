import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { configQueryOptions } from '../../data/config-query';
import { CopySummary } from './copy-summary';
import { FEEDBACK_EVENT, type FeedbackDetail } from '../../lib/feedback-event';
import type { SummaryFormat } from './ticket-summary';

/**
 * "Did this solve it?" on an outcome. No shows the escalation path from config.json
 * (or a default) with the summary ready to copy. The choice goes to an embedding host
 * page, if any, and nowhere else.
 */
export function SolvedQuestion({
  solved,
  onChoose,
  summary,
  openTicket,
}: {
  /** The answer given, kept by the outcome screen: the ticket text says it. */
  solved: boolean | undefined;
  onChoose: (solved: boolean) => void;
  /** The ticket summary, with the answer to this question. */
  summary: (format: SummaryFormat) => string;
  /**
   * "Open a ticket", after No: right under the answer, where the person's eyes and focus are,
   * not above the question, which would push the buttons down under the pointer.
   */
  openTicket?: ReactNode;
}) {
  const headingId = useId();
  const { data: config } = useQuery(configQueryOptions());
  const escalation = config?.escalation;

  const choose = (value: boolean) => {
    onChoose(value);
    window.dispatchEvent(
      new CustomEvent<FeedbackDetail>(FEEDBACK_EVENT, { detail: { solved: value } }),
    );
  };

  return (
    <section className="solved no-print" aria-labelledby={headingId}>
      <h2 id={headingId}>Did this solve it?</h2>
      <div className="solved__buttons">
        <button
          type="button"
          className="button"
          aria-pressed={solved === true}
          onClick={() => choose(true)}
        >
          Yes
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={solved === false}
          onClick={() => choose(false)}
        >
          No
        </button>
      </div>
      <div role="status">
        {solved === true ? <p>Good. Record the result on the ticket and close it.</p> : null}
        {solved === false ? (
          <p>
            {escalation?.href ? (
              <>
                Escalate:{' '}
                <a href={escalation.href} target="_blank" rel="noopener noreferrer">
                  {escalation.label}
                </a>
                .
              </>
            ) : escalation ? (
              `Escalate: ${escalation.label}.`
            ) : (
              'Pass the ticket to your next line of support.'
            )}{' '}
            Copy the summary into the ticket (it says the fix was tried) so nobody has to ask again.
          </p>
        ) : null}
      </div>
      {solved === false ? (
        <>
          {openTicket}
          <CopySummary summary={summary} label="summary for the escalation" />
        </>
      ) : null}
    </section>
  );
}
