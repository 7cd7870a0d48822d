import { absoluteUrl, paths } from '../../lib/paths';
import { useWalkContext } from '../../lib/use-walk-context';
import type { Replay } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { CopySummary } from './copy-summary';
import { buildTicketSummary, type SummaryFormat } from './ticket-summary';

/** "Copy progress" on a question: the answers so far, where the walk stands, the link. */
export function CopyProgress({ tree, replay }: { tree: Tree; replay: Replay }) {
  const { carry, context } = useWalkContext();
  // Built when copying, in the browser: the page is also prerendered, with no origin.
  const summary = (format: SummaryFormat) =>
    buildTicketSummary({
      tree,
      replay,
      url: absoluteUrl(
        carry(paths.step.getHref(tree.id, replay.trail, tree.version)),
        location.origin,
      ),
      now: new Date(),
      format,
      context,
    });
  return <CopySummary label="progress" summary={summary} />;
}
