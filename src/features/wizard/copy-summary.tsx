import { HANDOVER_EVENT } from '../../lib/walk-events';
import { useId, useRef, useState } from 'react';
import type { SummaryFormat } from './ticket-summary';

type CopySummaryProps = {
  /** Builds the summary at the moment of copying (it carries the time). */
  summary: (format: SummaryFormat) => string;
  /** What the buttons copy, e.g. "for ticket" or "progress". */
  label: string;
};

/**
 * Copies a plain-text or Markdown summary to the clipboard and says so to everyone
 * (role=status). Where the browser refuses the clipboard, shows the text selected in a
 * box to copy by hand.
 */
export function CopySummary({ summary, label }: CopySummaryProps) {
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string>();
  const boxId = useId();
  const box = useRef<HTMLTextAreaElement>(null);

  const copy = async (format: SummaryFormat) => {
    const text = summary(format);
    const kind = format === 'markdown' ? 'Markdown' : 'plain text';
    window.dispatchEvent(new Event(HANDOVER_EVENT));
    try {
      await navigator.clipboard.writeText(text);
      setFallback(undefined);
      setStatus(`Copied the summary as ${kind}.`);
    } catch {
      setFallback(text);
      setStatus(
        `Copying was not allowed here: the ${kind} summary is selected below, copy it with Ctrl+C.`,
      );
      requestAnimationFrame(() => box.current?.select());
    }
  };

  return (
    <div className="copy-summary no-print">
      <div className="copy-summary__buttons">
        <button type="button" className="button" onClick={() => void copy('text')}>
          Copy {label}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void copy('markdown')}
        >
          Copy as Markdown
        </button>
      </div>
      <p role="status" className="copy-summary__status">
        {status}
      </p>
      {fallback !== undefined ? (
        <>
          <label htmlFor={boxId} className="copy-summary__label">
            Summary to copy
          </label>
          <textarea
            id={boxId}
            ref={box}
            className="copy-summary__box"
            readOnly
            rows={12}
            value={fallback}
          />
        </>
      ) : null}
    </div>
  );
}
