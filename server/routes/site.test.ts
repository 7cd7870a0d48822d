// The server serves the site as the documented static host does: the same addresses asked
// of both (scripts/serve-static.mjs with gzip, the CSP and the rewrite rule, and the server)
// get the same status, headers and bodies.
import type { FastifyInstance } from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { createStaticServer, strictCsp } from '../../scripts/serve-static.mjs';
import { buildApp } from '../app';
import { buildTestApp, resetDatabase, SITE_DIR, testDatabase } from '../testing/test-app';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function ask(port: number, address: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port, path: address, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzipped = response.headers['content-encoding'] === 'gzip' && raw.length > 0;
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (gzipped ? zlib.gunzipSync(raw) : raw).toString('utf8'),
          });
        });
      })
      .on('error', reject)
      .end();
  });
}

const THAT_MATTER = [
  'content-type',
  'cache-control',
  'content-encoding',
  'vary',
  'x-content-type-options',
  'content-security-policy',
];
const pick = (answer: Answer) => ({
  status: answer.status,
  headers: Object.fromEntries(THAT_MATTER.map((name) => [name, answer.headers[name]])),
  body: answer.body,
});

const ORIGIN = 'https://helpdesk.example';
let staticServer: http.Server;
let staticPort: number;
let app: FastifyInstance;
let appPort: number;

beforeAll(async () => {
  staticServer = createStaticServer({
    root: SITE_DIR,
    gzip: true,
    stepRewrite: true,
    headers: { 'content-security-policy': strictCsp(SITE_DIR, ORIGIN) },
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  staticPort = (staticServer.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => staticServer.close(() => resolve())));

// One server for all the addresses, listening on a real port as the static one does.
async function startApp() {
  const connection = await testDatabase();
  await resetDatabase(connection);
  app = await buildApp({ siteDir: SITE_DIR, database: { connection } });
  await app.settings.write({ embed: { allowedOrigins: [ORIGIN] } }, null);
  await app.listen({ port: 0, host: '127.0.0.1' });
  appPort = (app.server.address() as AddressInfo).port;
}
afterAll(() => app?.close());

const asset = readdirSync(path.join(SITE_DIR, 'assets')).find((name) => name.endsWith('.js'));
const page = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, br' };
const file = { accept: '*/*', 'accept-encoding': 'gzip' };
const ADDRESSES: [string, Record<string, string>, string?][] = [
  ['/', page],
  ['/q164887', page],
  ['/q164887/sms-1-2/os-upgrade/', page],
  ['/q164887/sms-1-2/os-upgrade/repeats?v=2', page],
  ['/map/q164887', page],
  ['/list/2', page],
  ['/no-such-tree/yes', page],
  ['/q164887/no-such-answer', page],
  ['/no-such-page', page],
  [`/assets/${asset}`, file],
  [`/assets/${asset}`, { accept: '*/*' }],
  ['/assets/no-such-chunk.js', file],
  ['/trees/q164887.json', file],
  ['/trees/index.json', file],
  ['/trees/no-such-tree.json', file],
  ['/embed.js', file],
  ['/embed-demo.html', page],
  ['/favicon.svg', file],
  ['/%E0%A4%A', page],
  ['/q164887/%zz', page],
  ['/q164887/sms-1-2/', page, 'HEAD'],
];

test.each(ADDRESSES)(
  '%s (%o %s) is answered as the static host answers it',
  async (address, headers, method) => {
    if (!app) await startApp();
    const expected = pick(await ask(staticPort, address, headers, method));
    const actual = pick(await ask(appPort, address, headers, method));
    expect(actual).toEqual(expected);
  },
);

test('config.json is the settings, with the same headers as the file', async () => {
  const app = await buildTestApp();
  // The first start imported the built config.json.
  const shipped: unknown = JSON.parse(readFileSync(path.join(SITE_DIR, 'config.json'), 'utf8'));
  const response = await app.inject({ url: '/config.json', headers: file });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers['cache-control']).toBe('no-cache');
  expect(response.headers['content-encoding']).toBe('gzip');
  // The settings as the build's file had them, and word that a server runs the site.
  expect(JSON.parse(zlib.gunzipSync(response.rawPayload).toString())).toEqual({
    ...(shipped as object),
    server: true,
  });

  await app.settings.write(
    {
      embed: { allowedOrigins: [ORIGIN] },
      escalation: { label: 'SMS queue', email: 'sms@helpdesk.example' },
    },
    null,
  );
  const changed = await app.inject('/config.json');
  expect(changed.json()).toEqual({
    embed: { allowedOrigins: [ORIGIN] },
    escalation: { label: 'SMS queue', email: 'sms@helpdesk.example' },
    server: true,
  });
  expect(changed.headers['content-security-policy']).toContain(`frame-ancestors 'self' ${ORIGIN}`);
});

test('the API and its errors carry the same security headers as the pages', async () => {
  const app = await buildTestApp();
  for (const url of ['/api/health', '/api/no-such-route']) {
    const response = await app.inject(url);
    expect(response.headers['content-security-policy']).toBe(strictCsp(SITE_DIR, ''));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  }
  const unknown = await app.inject({ url: '/api/no-such-route', headers: page });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.json()).toEqual({ message: 'Not found' });
});

test('a report page is the app shell with 200 from the server (the static host has no API: 404)', async () => {
  const app = await buildTestApp();
  const shell = readFileSync(path.join(SITE_DIR, '404.html'), 'utf8');
  const report = await app.inject({
    url: '/map/q164887/report?v=1',
    headers: { accept: page.accept },
  });
  expect(report.statusCode).toBe(200);
  expect(report.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(report.body).toBe(shell);
  const staticReport = await ask(staticPort, '/map/q164887/report', { accept: page.accept });
  expect(staticReport.status).toBe(404);
  for (const url of ['/map/no-such-tree/report', '/map/q164887/report/more']) {
    expect((await app.inject({ url, headers: { accept: page.accept } })).statusCode).toBe(404);
  }
});

test('under a sub-path (BASE_PATH), both answer the same', async () => {
  const base = '/helpdesk/ts/';
  const staticSub = createStaticServer({
    root: SITE_DIR,
    base,
    gzip: true,
    stepRewrite: true,
    headers: { 'content-security-policy': strictCsp(SITE_DIR, '') },
  });
  await new Promise<void>((resolve) => staticSub.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => staticSub.close(() => resolve())));
  const subApp = await buildTestApp({ basePath: base });
  await subApp.listen({ port: 0, host: '127.0.0.1' });
  const ports = [staticSub, subApp.server].map((server) => (server.address() as AddressInfo).port);
  for (const address of [
    '/helpdesk/ts/',
    '/helpdesk/ts',
    '/helpdesk/ts/q164887/sms-1-2',
    '/helpdesk/ts/no-such-page',
    '/helpdesk/ts/trees/q164887.json',
    '/q164887',
    '/',
  ]) {
    const [expected, actual] = await Promise.all(ports.map((port) => ask(port!, address, page)));
    expect(pick(actual!), address).toEqual(pick(expected!));
  }
});
