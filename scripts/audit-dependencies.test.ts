// @vitest-environment node
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, test } from 'vitest';
import { readAuditReport } from './audit-dependencies.mjs';

type Advisory = { severity: string; title: string; vulnerable_versions: string };

/**
 * A stand-in for the registry's audit endpoint, so the real `npm audit` runs against this
 * project's lockfile with advisories chosen by the test. It also answers the package
 * documents npm asks for to match versions; `refuse` answers like the registry these
 * machines reach (405 Method Not Allowed).
 */
async function startRegistry(
  answer: { advisories: Record<string, Advisory[]> } | { refuse: true },
): Promise<{ url: string; server: Server; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET') {
        const name = decodeURIComponent((request.url ?? '/').slice(1));
        const versions = { '0.0.1': { name, version: '0.0.1' } };
        response.end(JSON.stringify({ name, versions, 'dist-tags': { latest: '0.0.1' } }));
        return;
      }
      if ('refuse' in answer) {
        response.writeHead(405, { allow: 'GET,HEAD' }).end();
        return;
      }
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const wanted = JSON.parse(body.toString()) as Record<string, string[]>;
      asked.push(...Object.keys(wanted));
      const found = Object.entries(answer.advisories)
        .filter(([name]) => name in wanted)
        .map(([name, list]) => [
          name,
          list.map((advisory, index) => ({
            id: index + 1,
            url: `https://advisories.example/${name}/${index + 1}`,
            cwe: [],
            cvss: { score: 0, vectorString: null },
            ...advisory,
          })),
        ]);
      response.end(JSON.stringify(Object.fromEntries(found)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, asked };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function audit(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/audit-dependencies.mjs', ...args],
      { encoding: 'utf8' },
      (error, stdout) => resolve({ code: error ? Number(error.code) : 0, output: stdout }),
    );
  });
}

test('a high advisory in a shipped package fails the audit, naming it', async () => {
  const registry = await startRegistry({
    advisories: {
      'react-router': [{ severity: 'high', title: 'Open redirect', vulnerable_versions: '*' }],
      valibot: [{ severity: 'moderate', title: 'Slow regex', vulnerable_versions: '*' }],
    },
  });
  const { code, output } = await audit('--registry', registry.url);
  expect(code).toBe(1);
  expect(output).toContain(
    'audit: high: react-router *: Open redirect (https://advisories.example/react-router/1)',
  );
  expect(output).toContain('0 critical, 1 high, 1 moderate, 0 low');
  // Only what ships is asked about: --omit=dev.
  expect(registry.asked).toContain('react-router');
  expect(registry.asked).not.toContain('vitest');
}, 30_000);

test('moderate and low advisories are listed and do not fail', async () => {
  const registry = await startRegistry({
    advisories: {
      valibot: [{ severity: 'moderate', title: 'Slow regex', vulnerable_versions: '*' }],
    },
  });
  const { code, output } = await audit('--registry', registry.url);
  expect(code).toBe(0);
  expect(output).toContain('audit: moderate: valibot *: Slow regex');
}, 30_000);

test('an endpoint that refuses says NOT CHECKED, and fails unless told to go on', async () => {
  const registry = await startRegistry({ refuse: true });
  const strict = await audit('--registry', registry.url);
  expect(strict.code).toBe(2);
  expect(strict.output).toMatch(/^audit: NOT CHECKED: .*405 Method Not Allowed/m);
  const lenient = await audit('--registry', registry.url, '--allow-unreachable');
  expect(lenient.code).toBe(0);
  expect(lenient.output).toMatch(/NOT CHECKED/);
}, 30_000);

test('an audit that cannot run at all fails even when an unreachable endpoint is allowed', () => {
  const noLockfile = JSON.stringify({
    error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' },
  });
  expect(readAuditReport(noLockfile, { allowUnreachable: true })).toEqual({
    lines: ['audit: FAILED: ENOLOCK: This command requires an existing lockfile.'],
    code: 2,
  });
  expect(readAuditReport('', { allowUnreachable: true }).code).toBe(2);
  const refused = JSON.stringify({
    message:
      'request to http://127.0.0.1:1/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:1',
    error: { summary: '', detail: '' },
  });
  expect(readAuditReport(refused, { allowUnreachable: true }).code).toBe(0);
});
