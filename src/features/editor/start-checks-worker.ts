// Vite builds the worker as a file of its own and gives its address; the worker is started
// here rather than with Vite's `new Worker(new URL(…, import.meta.url))`, which Vite only
// recognises written exactly so, leaving no place for the Trusted Types policy below.
import workerUrl from './draft-checks.worker.ts?worker&url';
import type { CheckPort } from './draft-checker';

/**
 * The one Trusted Types policy the app has (ADR 49). The site's Content-Security-Policy
 * requires Trusted Types for script (`require-trusted-types-for 'script'`), and a worker's
 * address is such a sink: this policy, named in the policy's `trusted-types` directive,
 * vouches for exactly one address, the checks' worker's own file on this origin, and refuses
 * any other. Created once a page (the directive allows each name once).
 */
export const WORKER_POLICY_NAME = 'troubleshooter-worker';

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
type TrustedTypesFactory = {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
};

let policy: ScriptUrlPolicy | undefined;

/** The worker's own address, made absolute against the page's; only this one is allowed. */
export function ownWorkerUrl(url: string, page: { href: string; origin: string }): string {
  const expected = new URL(workerUrl, page.href);
  const given = new URL(url, page.href);
  if (given.href !== expected.href || given.origin !== page.origin) {
    throw new TypeError(`${WORKER_POLICY_NAME}: ${url} is not the checks' worker`);
  }
  return given.href;
}

function trustedWorkerUrl(): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  // A browser without Trusted Types takes the address as it is.
  if (!factory) return ownWorkerUrl(workerUrl, location);
  policy ??= factory.createPolicy(WORKER_POLICY_NAME, {
    createScriptURL: (url) => ownWorkerUrl(url, location),
  });
  return policy.createScriptURL(workerUrl);
}

/**
 * Starts the worker that checks drafts, or says why it cannot (no Worker here, as in the
 * unit tests' jsdom; a policy that does not allow this one): the editor then checks on the
 * page, as it did before the worker.
 */
export function startChecksWorker(): CheckPort | string {
  if (typeof Worker === 'undefined') return 'this browser has no Worker';
  try {
    // The policy's TrustedScriptURL: the DOM's types do not know Trusted Types yet.
    return new Worker(trustedWorkerUrl() as string, { type: 'module', name: 'draft-checks' });
  } catch (error) {
    return String(error);
  }
}
