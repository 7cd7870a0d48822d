import { absoluteUrl, paths } from '../../lib/paths';
import type { Replay } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { CopySummary } from './copy-summary';
import { buildTicketSummary } from './ticket-summary';

/** "Copy progress" on a question: the answers so far, where the walk stands, the link. */
export function CopyProgress({ tree, replay }: { tree: Tree; replay: Replay }) {
  const url = absoluteUrl(
    paths.step.getHref(tree.id, replay.trail, tree.version),
    window.location.origin,
  );
  return (
    <CopySummary
      label="progress"
      summary={(format) => buildTicketSummary({ tree, replay, url, now: new Date(), format })}
    />
  );
}
