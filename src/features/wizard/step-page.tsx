import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { parseTrail, parseVersion } from '../../lib/paths';
import { replayTrail } from '../../engine/replay-trail';
import {
  BrokenTrailScreen,
  OutcomeScreen,
  ProgressKeeper,
  VersionChangedScreen,
} from '../../components/lazy-screens';
import { useHydrated } from '../../lib/use-hydrated';
import { QuestionScreen } from './question-screen';
import { treeQueryOptions } from '../../data/tree-query';

/** Everything on screen is derived from the URL: tree id + answer trail. */
export function StepPage() {
  const params = useParams();
  const treeId = params.treeId ?? '';
  const { data: tree } = useSuspenseQuery(treeQueryOptions(treeId));
  const trail = parseTrail(params['*']);
  const replay = replayTrail(tree, trail);
  const hydrated = useHydrated();
  const linkVersion = parseVersion(useLocation().search);

  if (linkVersion && linkVersion !== tree.version && trail.length > 0) {
    return <VersionChangedScreen tree={tree} linkVersion={linkVersion} trail={trail} />;
  }

  if (replay.problem) {
    return <BrokenTrailScreen tree={tree} replay={replay} problem={replay.problem} />;
  }
  return (
    <>
      {replay.node.kind === 'question' ? (
        <QuestionScreen tree={tree} question={replay.node} replay={replay} />
      ) : (
        <OutcomeScreen tree={tree} outcome={replay.node} replay={replay} />
      )}
      {/* Remembering the walk needs JavaScript and storage: only after hydration. */}
      {hydrated ? <ProgressKeeper tree={tree} replay={replay} /> : null}
    </>
  );
}
