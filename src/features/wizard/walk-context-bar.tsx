import './tickets.css';
import { useWalkContext } from '../../lib/use-walk-context';

/**
 * At the top of each step: the ticket and client the walk is for, when the address or the
 * embed's mount options brought them (lib/walk-context.ts). Nothing otherwise.
 */
export function WalkContextBar() {
  const { context } = useWalkContext();
  if (!context.ticket && !context.client) return null;
  return (
    <dl className="walk-context" aria-label="This walk is for">
      {context.ticket ? (
        <div>
          <dt>Ticket</dt>
          <dd>{context.ticket}</dd>
        </div>
      ) : null}
      {context.client ? (
        <div>
          <dt>Client</dt>
          <dd>{context.client}</dd>
        </div>
      ) : null}
    </dl>
  );
}
