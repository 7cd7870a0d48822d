import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { Tree } from '../../engine/tree-schema';
import { DraftChecker, type CheckedDraft } from './draft-checker';
import { reportOnDraft } from './draft-report';
import { startChecksWorker } from './start-checks-worker';

function onPage(tree: Tree, deployed: Tree | undefined, withImpact: boolean): CheckedDraft {
  return { ...reportOnDraft(tree, deployed, withImpact), tree, withImpact };
}

/**
 * The checks of a settled draft, whether the preview can walk it and (with `withImpact`) its
 * impact on shared links, worked out in a worker so that a key typed meanwhile is not kept
 * waiting (ADR 49). Until the report of the draft given arrives, the last one is returned
 * with the tree it is about (`tree`), never an empty one. Where no worker can run, or it
 * fails, the page works it out itself during render, as before.
 */
export function useDraftChecks(
  tree: Tree,
  deployed: Tree | undefined,
  withImpact: boolean,
): CheckedDraft {
  const [useWorker, setUseWorker] = useState(() => typeof Worker !== 'undefined');
  const checker = useRef<DraftChecker | undefined>(undefined);
  // The first report is the page's own: there is nothing earlier to show while it runs. The
  // worker checks that draft again all the same, which loads it and fills its per-node
  // results (walk-limits.ts) before the first key.
  const [fromWorker, setFromWorker] = useState<CheckedDraft | undefined>(() =>
    useWorker ? onPage(tree, deployed, withImpact) : undefined,
  );
  const fromPage = useMemo(
    () => (useWorker ? undefined : onPage(tree, deployed, withImpact)),
    [useWorker, tree, deployed, withImpact],
  );

  useEffect(() => {
    if (!useWorker) return;
    const instance = new DraftChecker(startChecksWorker(), {
      // What follows from a report (the problem list, the fields' problems, the preview) is
      // drawn in a transition: React draws it in slices and lets a key typed meanwhile go
      // first, rather than keep the key waiting for the whole redraw (ADR 52).
      onReport: (report) => startTransition(() => setFromWorker(report)),
      onFailure: (reason) => {
        console.warn(`Checking drafts on the page: ${reason}`);
        setUseWorker(false);
      },
    });
    checker.current = instance;
    return () => {
      instance.dispose();
      checker.current = undefined;
    };
  }, [useWorker]);

  useEffect(() => {
    checker.current?.check(tree, deployed, withImpact);
  }, [useWorker, tree, deployed, withImpact]);

  return fromPage ?? fromWorker ?? onPage(tree, deployed, withImpact);
}
