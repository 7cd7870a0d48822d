import { useEffect } from 'react';
import { chunk } from '../lib/chunk';
import type { WalkContext } from '../lib/walk-context';

/** A step on screen, as the walk events name it (docs/privacy.md). */
export type ShownStep = {
  tree: string;
  version: number;
  node: string;
  trail: readonly string[];
  outcome: boolean;
  /** The helpdesk ticket and client the walk is for, when the address carries them. */
  context?: WalkContext;
};

// The code that sends is not in the first paint: it loads once a step is on screen.
const sender = chunk(() => import('./event-sender'));

/**
 * Reports the step on screen to the event sender, which decides whether anything is sent
 * at all (a server or a collector, no Global Privacy Control, not switched off by the host).
 */
export function useStepEvents(step: ShownStep | undefined) {
  useEffect(() => {
    if (!step) return;
    const send = (call: (module: Awaited<ReturnType<typeof sender>>) => void) =>
      void Promise.resolve(sender()).then(call, () => {});
    send((module) => module.stepShown(step));
    return () => send((module) => module.stepLeft(step));
  }, [step]);
}
