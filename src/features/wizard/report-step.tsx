import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { configQueryOptions } from '../../data/config-query';
import {
  MAX_REPORT_TEXT,
  REPORT_CATEGORIES,
  sendStepReport,
  type ReportCategory,
} from '../../data/step-reports';
import { withoutWalkContext } from '../../lib/walk-context';

/**
 * "Report a problem with this step", on every question and result. With a server: what is
 * wrong and a short text, sent without an account (server/routes/reports.ts). In a static
 * build: an e-mail to config.json's `reportEmail`, if there is one; otherwise nothing.
 */
export function ReportStep({ tree, node }: { tree: string; node: string }) {
  const { data: config } = useQuery(configQueryOptions());
  // Keyed by step: a new step starts a new report (this component itself stays mounted from
  // step to step, so an answer does not set up the query of the settings again).
  if (config?.server) return <ReportForm key={`${tree}/${node}`} tree={tree} node={node} />;
  if (!config?.reportEmail) return null;
  const link = withoutWalkContext(window.location.href);
  const href = `mailto:${config.reportEmail}?subject=${encodeURIComponent(
    `Problem with a step: ${tree} / ${node}`,
  )}&body=${encodeURIComponent(`Step: ${link}\r\n\r\nWhat is wrong:\r\n`)}`;
  return (
    <p className="report-step no-print">
      <a href={href}>Report a problem with this step</a>
    </p>
  );
}

function ReportForm({ tree, node }: { tree: string; node: string }) {
  const [state, setState] = useState<'editing' | 'sending' | 'sent' | 'failed'>('editing');
  const [category, setCategory] = useState<ReportCategory>();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const textId = useId();
  const errorId = useId();
  // The form goes once the report is sent: the thanks take the focus it had, so that a
  // keyboard or screen reader user hears them and goes on from there, not from the page's top.
  const thanks = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state === 'sent') thanks.current?.focus();
  }, [state]);
  // Nothing chosen: focus goes to the first choice, whose description is the error, so that
  // it is read out where it can be put right.
  const firstChoice = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The button stays focusable while the report is out (a disabled one drops focus to the
    // page's top, also when the send fails): a second press is ignored instead.
    if (state === 'sending') return;
    if (!category) {
      // Rendered before focus moves, so the choice is described by the error when it takes
      // focus; the error is also an alert.
      flushSync(() => setMissing(true));
      firstChoice.current?.focus();
      return;
    }
    setState('sending');
    try {
      await sendStepReport({ tree, node, category, text: text.trim() });
      setState('sent');
    } catch {
      setState('failed');
    }
  };

  return (
    // Keyed by the step (ReportStep): a new step starts a new report.
    <details className="report-step no-print">
      <summary>Report a problem with this step</summary>
      {state === 'sent' ? (
        <p role="status" ref={thanks} tabIndex={-1}>
          Thank you: the authors of this troubleshooter will see your report.
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <fieldset aria-describedby={missing ? errorId : undefined}>
            <legend>What is wrong with this step?</legend>
            {missing ? (
              <p id={errorId} className="report-step__error" role="alert">
                Choose what is wrong.
              </p>
            ) : null}
            {REPORT_CATEGORIES.map((option, index) => (
              <label key={option.value} className="report-step__choice">
                <input
                  ref={index === 0 ? firstChoice : undefined}
                  type="radio"
                  aria-describedby={missing ? errorId : undefined}
                  name="category"
                  value={option.value}
                  checked={category === option.value}
                  onChange={() => {
                    setCategory(option.value);
                    setMissing(false);
                  }}
                />{' '}
                {option.label}
              </label>
            ))}
          </fieldset>
          <label htmlFor={textId} className="copy-summary__label">
            Tell the authors more (optional; no names or personal details, please)
          </label>
          <textarea
            id={textId}
            className="copy-summary__box"
            rows={3}
            maxLength={MAX_REPORT_TEXT}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p>
            <button
              type="submit"
              className="button"
              aria-disabled={state === 'sending' || undefined}
            >
              {state === 'sending' ? 'Sending…' : 'Send report'}
            </button>
          </p>
          <p role="status">
            {state === 'failed' ? 'The report could not be sent. Try again in a moment.' : ''}
          </p>
        </form>
      )}
    </details>
  );
}
