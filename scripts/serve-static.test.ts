// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createStaticServer } from './serve-static.mjs';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'serve-'));
  await writeFile(path.join(root, '404.html'), 'not found page');
  await mkdir(path.join(root, 'big'));
  await writeFile(path.join(root, 'big', 'index.html'), 'start page');
  await writeFile(path.join(root, 'big', 'steps.html'), 'steps page');
  await mkdir(path.join(root, 'small'));
  await writeFile(path.join(root, 'small', 'index.html'), 'small start');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function get(stepRewrite: boolean, address: string) {
  const server = createStaticServer({ root, stepRewrite }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // node:http rather than fetch, which the unit tests' setup answers from public/.
    return await new Promise((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}${address}`, { headers: { accept: 'text/html' } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += String(chunk)));
          res.on('end', () => resolve([res.statusCode, body]));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

test('with the rewrite rule, a step of a tree with a fallback page gets it with status 200', async () => {
  expect(await get(true, '/big/yes/no')).toEqual([200, 'steps page']);
  expect(await get(true, '/big')).toEqual([200, 'start page']);
  // A tree without one, or an address outside every tree, still gets the not-found page.
  expect(await get(true, '/small/yes')).toEqual([404, 'not found page']);
  expect(await get(true, '/nothing/here')).toEqual([404, 'not found page']);
});

test('without it, the server is a plain host: 404.html with status 404', async () => {
  expect(await get(false, '/big/yes/no')).toEqual([404, 'not found page']);
});

test('an address that climbs out of the root is not served, not even into a sibling folder', async () => {
  // A sibling whose name starts with the root's (dist → dist-ssr): a prefix check without a
  // separator let `/..%2fdist-ssr%2fsecret.js` through.
  const sibling = `${root}-ssr`;
  await mkdir(sibling, { recursive: true });
  await writeFile(path.join(sibling, 'secret.js'), 'server code');
  try {
    const name = path.basename(sibling);
    for (const address of [
      `/..%2f${name}%2fsecret.js`,
      `/../${name}/secret.js`,
      `/%2e%2e/${name}/secret.js`,
      `/..%5c${name}%5csecret.js`,
    ]) {
      const [status, body] = (await get(true, address)) as [number, string];
      expect(body, address).not.toContain('server code');
      expect(status, address).toBe(404);
    }
  } finally {
    await rm(sibling, { recursive: true, force: true });
  }
});
