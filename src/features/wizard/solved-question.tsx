import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { configQueryOptions } from '../../data/config-query';
import { FEEDBACK_EVENT, type FeedbackDetail } from '../../lib/feedback-event';

/**
 * "Did this solve it?" on an outcome. No shows the escalation path from config.json
 * (or a default) and, where a ticket system is set, Open a ticket. The choice goes to an embedding host
 * page, if any, and nowhere else.
 */
export function SolvedQuestion({
  solved,
  onChoose,
  openTicket,
}: {
  /** The answer given, kept by the outcome screen: the ticket text says it. */
  solved: boolean | undefined;
  onChoose: (solved: boolean) => void;
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
            The summary under “For the ticket” now says the fix was tried and did not help: copy it
            into the ticket so nobody has to ask again.
          </p>
        ) : null}
      </div>
      {/* The summary's own Copy buttons are just above, under "For the ticket": a second pair
          here would copy the same text under the same names. */}
      {solved === false ? openTicket : null}
    </section>
  );
}
