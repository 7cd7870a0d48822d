import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { preloadOnDemandCode } from '../app/routes';
import { fetchPublicFile } from './fetch-public-file-from-disk';

// findBy… and waitFor wait for their condition; this is only how long before one gives up.
// Testing Library's 1 s is shorter than the first import of a screen loaded on demand (the
// map's layout library, transformed by Vitest) on a loaded two-core machine.
configure({ asyncUtilTimeout: 10_000 });

// Code loaded on demand is imported up front, as the app does once its first page is up:
// its first import (a transform in Vitest) must not race a test's timeouts.
beforeAll(async () => {
  await preloadOnDemandCode();
});

beforeEach(() => {
  // A React warning or error in a test is a bug: fail the test that caused it.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`);
  });
  // The app's own files are served from public/, the real tree files, as a web server would.
  vi.stubGlobal('fetch', vi.fn(fetchPublicFile));
  // jsdom has no layout: scrolling is a no-op here (and scrollIntoView is missing).
  vi.stubGlobal('scrollTo', vi.fn());
  if (typeof Element === 'function') Element.prototype.scrollIntoView ??= () => {};
});

afterEach(() => {
  cleanup();
  // Node-environment tests (the prerender) have no localStorage.
  globalThis.localStorage?.clear();
  vi.unstubAllGlobals();
});
