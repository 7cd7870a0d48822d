import { expect, test } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp, openSeparateTestDatabase, SITE_DIR } from '../testing/test-app';

test('health is 200 when the database answers', async () => {
  const app = await buildTestApp();
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok' });
  expect(response.headers['cache-control']).toBe('no-store');
});

test('health is 503 when the database does not answer', async () => {
  // A connection of its own, closed under the running app.
  const connection = await openSeparateTestDatabase();
  const app = await buildApp({ siteDir: SITE_DIR, database: { connection } });
  await connection.close();
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ status: 'unavailable' });
  await app.close();
});

test('health is served under the base path', async () => {
  const app = await buildTestApp({ basePath: '/helpdesk/ts/' });
  expect((await app.inject('/helpdesk/ts/api/health')).statusCode).toBe(200);
  expect((await app.inject('/api/health')).statusCode).toBe(404);
});
