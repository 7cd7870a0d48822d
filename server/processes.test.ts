// Real server processes: two on one PostgreSQL database serve the same settings, and a
// server killed with SIGKILL loses nothing it committed (PGlite data folder and PostgreSQL).
import { expect, onTestFinished, test } from 'vitest';
import { openDatabase } from './db/database';
import { allTreeVersions } from './trees/tree-versions';
import { addAccount } from './accounts/accounts-store';
import { hashPassword } from './accounts/password';
import { readClientConfig } from './settings/settings';
import { startServerProcess, type ServerProcess } from './testing/server-process';
import {
  createTestDataDir,
  resetDatabase,
  TEST_DATABASE_KIND,
  testDatabase,
  testDatabaseUrl,
} from './testing/test-app';

async function started(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  onTestFinished(() => server.stop());
  return server;
}

async function configOf(server: ServerProcess) {
  const response = await fetch(`${server.url}/config.json`);
  return {
    config: (await response.json()) as unknown,
    csp: response.headers.get('content-security-policy'),
  };
}

const ADMIN = { email: 'admin@example.com', password: 'a long enough password' };

/** Adds the admin whose password `changeSettingsThrough` signs in with. */
async function addAdmin(db: Parameters<typeof addAccount>[0]) {
  await addAccount(db, {
    email: ADMIN.email,
    role: 'admin',
    passwordHash: await hashPassword(ADMIN.password),
  });
}

/** An admin signs in to `server` and changes the embed origins there, as the settings page does. */
async function changeSettingsThrough(server: ServerProcess, origin: string) {
  const signIn = await fetch(`${server.url}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(ADMIN),
    redirect: 'manual',
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  expect(cookie, `sign-in answered ${signIn.status}`).toBeTruthy();
  const put = await fetch(`${server.url}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: cookie ?? '' },
    body: JSON.stringify({ embed: { allowedOrigins: [origin] }, escalation: null }),
  });
  expect(put.status).toBe(200);
}

// A process takes a few seconds to start here, far more on a busy machine (a new PGlite data
// folder is created by running initdb in WebAssembly).
const PROCESS_TEST_TIMEOUT = 180_000;

test.skipIf(TEST_DATABASE_KIND !== 'postgres')(
  'two processes on one PostgreSQL: a settings change is served by both within 2 s',
  { timeout: PROCESS_TEST_TIMEOUT },
  async () => {
    const connection = await testDatabase();
    await resetDatabase(connection);
    const url = (await testDatabaseUrl())!;
    const [first, second] = await Promise.all([
      started({ DATABASE_URL: url }),
      started({ DATABASE_URL: url }),
    ]);
    // Both started at once on an empty database: migrated and imported once, not twice.
    expect((await allTreeVersions(connection.db)).map((t) => `${t.treeId} v${t.version}`)).toEqual([
      'q164887 v1',
      'q164887 v2',
    ]);
    expect((await configOf(second)).config).toEqual({
      embed: { allowedOrigins: [] },
      server: true,
    });

    // An admin signs in to the first process and changes the settings there.
    await addAdmin(connection.db);
    const origin = 'https://helpdesk.example';
    const changedAt = Date.now();
    await changeSettingsThrough(first, origin);
    for (const server of [first, second]) {
      await expect
        .poll(async () => (await configOf(server)).config, { timeout: 2000, interval: 50 })
        .toEqual({ embed: { allowedOrigins: [origin] }, server: true });
      expect((await configOf(server)).csp).toContain(`frame-ancestors 'self' ${origin}`);
    }
    expect(Date.now() - changedAt).toBeLessThan(2000);
  },
);

test(
  'a server killed with SIGKILL and started again has every committed change',
  { timeout: PROCESS_TEST_TIMEOUT },
  async () => {
    let env: Record<string, string>;
    let stored: Parameters<typeof openDatabase>[0];
    if (TEST_DATABASE_KIND === 'postgres') {
      const connection = await testDatabase();
      await resetDatabase(connection);
      await addAdmin(connection.db);
      const url = (await testDatabaseUrl())!;
      env = { DATABASE_URL: url };
      stored = { url };
    } else {
      // A new folder, migrated but never started on: the server imports on its first start.
      const dataDir = await createTestDataDir();
      const connection = await openDatabase({ dataDir });
      await addAdmin(connection.db).finally(() => connection.close());
      env = { DATA_DIR: dataDir };
      stored = { dataDir };
    }
    // What the database holds, read while no server runs (PGlite: one process owns the folder).
    const check = async () => {
      const connection = await openDatabase(stored);
      try {
        return {
          trees: (await allTreeVersions(connection.db)).map((t) => t.treeId),
          origins: (await readClientConfig(connection.db)).embed.allowedOrigins,
        };
      } finally {
        await connection.close();
      }
    };

    // The first start commits the import of the shipped trees and settings, then serves; an
    // admin changes a setting, and the answer (200) means it is committed.
    const first = await startServerProcess(env);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    const origin = 'https://helpdesk.example';
    await changeSettingsThrough(first, origin);
    await first.stop('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');
    // The shipped tree's two versions (1 archived, 2 current).
    expect(await check()).toEqual({ trees: ['q164887', 'q164887'], origins: [origin] });

    // Started again on the same data: nothing lost, nothing imported twice, the site as before.
    const second = await started(env);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    expect(
      (await fetch(`${second.url}/q164887/sms-1-2`, { headers: { accept: 'text/html' } })).status,
    ).toBe(200);
    expect((await configOf(second)).config).toMatchObject({ embed: { allowedOrigins: [origin] } });
    await second.stop('SIGKILL');
    expect(await check()).toEqual({ trees: ['q164887', 'q164887'], origins: [origin] });
  },
);
