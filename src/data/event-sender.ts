// Walk events (issue 25; docs/privacy.md): what the wizard reports when a Troubleshooter
// server runs the site or config.json names a collector. Nothing about the person or the
// browser: no cookie, no identifier, no storage; the step's address (its trail) is what
// links the steps of one walk. Events wait in memory and go in one batch when the page is
// hidden (sendBeacon, or fetch with keepalive), or once enough have gathered.
import { FileNotFoundError, fetchPublicJson } from '../lib/fetch-public-file';
import { FEEDBACK_EVENT, type FeedbackDetail } from '../lib/feedback-event';
import { HANDOVER_EVENT, NO_ANALYTICS_PARAM } from '../lib/walk-events';
import type { ShownStep } from './use-step-events';

type EventKind =
  'step' | 'answer' | 'outcome' | 'solved' | 'unsolved' | 'copy' | 'print' | 'restart';
type WalkEvent = {
  kind: EventKind;
  tree: string;
  version: number;
  node: string;
  answer?: string;
  trail?: string;
  /** From the address (`?ticket=&client=`), when it carries them: docs/privacy.md. */
  ticket?: string;
  client?: string;
};

/** Events a batch holds at most (the server takes 100). */
const BATCH = 50;

const queue: WalkEvent[] = [];
/** The trails already reported in this walk: Back and Forward, or a reload, count once. */
const seen = new Set<string>();
let current: ShownStep | undefined;
let previous: ShownStep | undefined;
let restarting = false;
/** Where events go; null when nothing may be sent; undefined while config.json could not be read. */
type Endpoint = string | null | undefined;
let endpoint: Promise<Endpoint> | undefined;
/** The endpoint once known: a hidden page's last batch must go out at once, not after a fetch. */
let knownEndpoint: Endpoint;

/** Events kept while config.json cannot be read: the newest, for a walk that goes on offline. */
const KEPT_WHILE_UNKNOWN = 2 * BATCH;

/** Whether the host page switched events off for its frame (embed.js `analytics: false`). */
function switchedOffByHost(): boolean {
  return [location.search, window.name].some((search) => {
    const params = new URLSearchParams(search);
    return params.get('embed') === '1' && params.get(NO_ANALYTICS_PARAM) === '0';
  });
}

/**
 * Where events go. Decided once per page, except that a config.json that did not arrive (no
 * answer, an error status, a proxy's page) is asked for again at the next send: a walk on a
 * flaky connection still counts once the file comes. No config.json (404) means no events.
 */
function findEndpoint(): Promise<Endpoint> {
  return (endpoint ??= (async () => {
    const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl;
    if (gpc === true || switchedOffByHost()) return null;
    let config: { server?: unknown; analytics?: { collector?: unknown } } | null;
    try {
      config = (await fetchPublicJson('config.json')) as typeof config;
    } catch (error) {
      if (!(error instanceof FileNotFoundError)) {
        endpoint = undefined;
        return undefined;
      }
      config = null;
    }
    const collector = config?.analytics?.collector;
    if (typeof collector === 'string' && /^https?:\/\/[^\s]+$/.test(collector)) return collector;
    return config?.server === true ? `${import.meta.env.BASE_URL}api/events` : null;
  })().then((url) => (knownEndpoint = url)));
}

function send(url: Endpoint) {
  if (url === undefined) {
    queue.splice(0, Math.max(0, queue.length - KEPT_WHILE_UNKNOWN));
    return;
  }
  while (queue.length > 0) {
    const body = JSON.stringify({ events: queue.splice(0, BATCH) });
    if (!url) continue;
    // text/plain: a simple request, which a beacon may send without a preflight.
    const blob = new Blob([body], { type: 'text/plain' });
    // Both send the session cookie of a signed-in author or admin to the server's own
    // address, whose walks it then does not count (a walker has none to send).
    if (!navigator.sendBeacon?.(url, blob)) {
      void fetch(url, {
        method: 'POST',
        body: blob,
        keepalive: true,
        credentials: 'same-origin',
      }).catch(() => {});
    }
  }
}

function flush() {
  if (knownEndpoint !== undefined) send(knownEndpoint);
  else void findEndpoint().then(send);
}

function record(kind: EventKind, step: ShownStep, extra: Partial<WalkEvent> = {}) {
  queue.push({
    kind,
    tree: step.tree,
    version: step.version,
    node: step.node,
    ...extra,
    ...step.context,
  });
  if (queue.length >= BATCH) flush();
}

const key = (step: ShownStep) => `${step.tree}@${step.version}/${step.trail.join('/')}`;

/** A step came on screen. */
export function stepShown(step: ShownStep) {
  void findEndpoint();
  if (restarting && step.trail.length === 0 && previous) {
    record('restart', previous);
    seen.clear();
  }
  restarting = false;
  current = step;
  const last = previous;
  previous = step;
  if (seen.has(key(step))) return;
  seen.add(key(step));
  const answer = step.trail.at(-1);
  // One answer further than the step before: that answer was chosen there.
  if (
    last &&
    answer &&
    last.tree === step.tree &&
    last.version === step.version &&
    key(last) === key({ ...step, trail: step.trail.slice(0, -1) })
  ) {
    record('answer', last, { answer });
  }
  record('step', step, { trail: step.trail.join('/') });
  if (step.outcome) record('outcome', step);
}

/** The step left the screen (another step, another page). */
export function stepLeft(step: ShownStep) {
  if (current === step) current = undefined;
}

const answered = new Set<string>();

if (typeof window !== 'undefined') {
  window.addEventListener(FEEDBACK_EVENT, (event) => {
    const step = current;
    if (!step?.outcome || answered.has(key(step))) return;
    answered.add(key(step));
    record((event as CustomEvent<FeedbackDetail>).detail.solved ? 'solved' : 'unsolved', step);
  });
  window.addEventListener(HANDOVER_EVENT, () => {
    if (current) record('copy', current);
  });
  window.addEventListener('beforeprint', () => {
    if (current) record('print', current);
  });
  // Start again: the next start page is a new walk.
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as Element | null)?.closest?.('a[data-start-again]')) restarting = true;
    },
    true,
  );
  // The page is hidden (another tab, closed, navigated away): send what is waiting.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
}
