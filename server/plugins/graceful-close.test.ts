import Fastify from 'fastify';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, onTestFinished, test } from 'vitest';
import { gracefulClosePlugin } from './graceful-close';

/** GET over a keep-alive connection, as a browser asks. */
function get(port: number, agent: http.Agent) {
  return new Promise<{ body: string; connection: string | undefined }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/held', agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ body, connection: response.headers.connection }));
      })
      .on('error', reject);
  });
}

test('a request in flight when the server closes is answered, and its connection is not kept', async () => {
  // Fastify keeps an idle keep-alive connection for 72 s; a day here, so that a close that
  // waited for it would fail the test by its timeout.
  const app = Fastify({ keepAliveTimeout: 86_400_000 });
  await app.register(gracefulClosePlugin);
  let release = () => {};
  let arrived = () => {};
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  app.get('/held', async () => {
    arrived();
    await new Promise<void>((resolve) => (release = resolve));
    return 'answered';
  });
  // Registered after the plugin's, so it runs once the plugin knows the server is closing.
  let closingBegun = () => {};
  const closing = new Promise<void>((resolve) => (closingBegun = resolve));
  app.addHook('preClose', async () => closingBegun());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const agent = new http.Agent({ keepAlive: true });
  onTestFinished(() => agent.destroy());

  const response = get((app.server.address() as AddressInfo).port, agent);
  await requestArrived;
  const closed = app.close();
  await closing;
  release();

  expect(await response).toEqual({ body: 'answered', connection: 'close' });
  await closed;
  expect(app.server.listening).toBe(false);
});

test('before closing, responses keep their connection alive', async () => {
  const app = Fastify();
  await app.register(gracefulClosePlugin);
  app.get('/held', async () => 'answered');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const agent = new http.Agent({ keepAlive: true });
  onTestFinished(async () => {
    agent.destroy();
    await app.close();
  });

  expect(await get((app.server.address() as AddressInfo).port, agent)).toEqual({
    body: 'answered',
    connection: 'keep-alive',
  });
});
