import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, vi } from 'vitest';
import { strictCsp, WORKER_POLICY_NAME as POLICY_IN_CSP } from '../../../scripts/serve-static.mjs';
import { ownWorkerUrl, startChecksWorker, WORKER_POLICY_NAME } from './start-checks-worker';

test('the Content-Security-Policy names the app’s one Trusted Types policy, and only it', () => {
  expect(POLICY_IN_CSP).toBe(WORKER_POLICY_NAME);
  const site = mkdtempSync(path.join(tmpdir(), 'csp-'));
  writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>x</title>');
  expect(strictCsp(site)).toContain(
    `require-trusted-types-for 'script'; trusted-types ${WORKER_POLICY_NAME};`,
  );
});

test('the policy vouches for the checks worker’s own file on the page’s origin and nothing else', () => {
  const page = { href: 'https://help.example/edit/q164887', origin: 'https://help.example' };
  // The worker's address on this page (jsdom's), as a path: the same file on another page.
  const own = ownWorkerUrl(startWorkerUrl().replace(location.origin, ''), page);
  expect(own).toMatch(/^https:\/\/help\.example\/.*draft-checks\.worker/);
  for (const other of [
    'https://evil.example/assets/draft-checks.worker.js',
    '/assets/other.js',
    'data:text/javascript,postMessage(1)',
    `${own}?x`,
  ]) {
    expect(() => ownWorkerUrl(other, page), other).toThrow(/is not the checks' worker/);
  }
});

/** The address startChecksWorker gives the Worker, with no Trusted Types. */
function startWorkerUrl(): string {
  let url = '';
  // A constructor function: what the code under test calls with `new`.
  vi.stubGlobal('Worker', function (given: string) {
    url = given;
  });
  startChecksWorker();
  vi.unstubAllGlobals();
  return url;
}

test('under Trusted Types the worker is started with the policy’s value, the policy made once', () => {
  const created: string[] = [];
  const given: unknown[] = [];
  vi.stubGlobal('trustedTypes', {
    createPolicy(name: string, rules: { createScriptURL(url: string): string }) {
      created.push(name);
      return { createScriptURL: (url: string) => ({ trusted: rules.createScriptURL(url) }) };
    },
  });
  vi.stubGlobal('Worker', function (url: unknown, options: unknown) {
    given.push(url, options);
  });
  startChecksWorker();
  startChecksWorker();
  expect(created).toEqual([WORKER_POLICY_NAME]);
  expect(given[0]).toEqual({ trusted: expect.stringMatching(/draft-checks\.worker/) });
  expect(given[1]).toEqual({ type: 'module', name: 'draft-checks' });
});

test('a policy the page may not create means no worker, and says why', () => {
  // (A fresh module would be needed to create the policy again; a refusing Worker shows the
  // same path: whatever throws is the reason.)
  vi.stubGlobal('Worker', function () {
    throw new TypeError('Refused to create a TrustedTypePolicy named troubleshooter-worker');
  });
  expect(startChecksWorker()).toMatch(/Refused to create a TrustedTypePolicy/);
  vi.unstubAllGlobals();
  expect(startChecksWorker()).toBe('this browser has no Worker');
});
