import { useId, useRef, useState } from 'react';
import { withoutWalkContext } from '../../lib/walk-context';

/**
 * "Share this step": copies the address of this step for a colleague, without the ticket
 * and client the walk is for (those stay in this walk's own address, and in the ticket
 * text). Where the clipboard is refused, the link is shown selected to copy by hand.
 */
export function ShareStep() {
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string>();
  const boxId = useId();
  const box = useRef<HTMLInputElement>(null);

  const share = async () => {
    const link = withoutWalkContext(window.location.href);
    try {
      await navigator.clipboard.writeText(link);
      setFallback(undefined);
      setStatus('Copied the link to this step.');
    } catch {
      setFallback(link);
      setStatus('Copying was not allowed here: the link is selected below, copy it with Ctrl+C.');
      requestAnimationFrame(() => box.current?.select());
    }
  };

  return (
    <div className="share-step no-print">
      <button type="button" className="button button--secondary" onClick={() => void share()}>
        Share this step
      </button>
      <p role="status" className="copy-summary__status">
        {status}
      </p>
      {fallback !== undefined ? (
        <>
          <label htmlFor={boxId} className="copy-summary__label">
            Link to this step
          </label>
          <input id={boxId} ref={box} className="copy-summary__box" readOnly value={fallback} />
        </>
      ) : null}
    </div>
  );
}
