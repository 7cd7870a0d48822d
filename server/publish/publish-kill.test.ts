// A publish killed with SIGKILL at each stage (docs/decisions/0030-review-and-publish.md):
// after a restart the site serves one whole version, and the database says the same one.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { addAccount } from '../accounts/accounts-store';
import { createSession } from '../accounts/sessions';
import { openDatabase, type DatabaseConnection } from '../db/database';
import { SESSION_COOKIE } from '../plugins/auth';
import { editedQ164887 } from '../testing/edited-q164887';
import { startServerProcess, type ServerProcess } from '../testing/server-process';
import {
  createTestDataDir,
  resetDatabase,
  testDatabase,
  testDatabaseUrl,
} from '../testing/test-app';
import type { PublishStage } from './site-generation';

const TIMEOUT = 300_000;

/** A database for the processes, with a publisher signed in: its cookie. */
async function prepare() {
  const url = await testDatabaseUrl();
  let env: Record<string, string>;
  let connection: DatabaseConnection;
  if (url) {
    connection = await testDatabase();
    await resetDatabase(connection);
    env = { DATABASE_URL: url };
  } else {
    const dataDir = await createTestDataDir();
    connection = await openDatabase({ dataDir });
    env = { DATA_DIR: dataDir };
  }
  const account = await addAccount(connection.db, {
    email: 'publisher@example.com',
    role: 'publisher',
    passwordHash: null,
  });
  const { token } = await createSession(connection.db, account.id);
  // PGlite: one process owns the folder; the server opens it next.
  if (!url) await connection.close();
  const publishDir = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-published-'));
  onTestFinished(() => rm(publishDir, { recursive: true, force: true }));
  return {
    env: { ...env, PUBLISH_DIR: publishDir },
    cookie: `${SESSION_COOKIE}=${token}`,
    publishDir,
  };
}

async function started(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  onTestFinished(() => server.stop('SIGKILL'));
  return server;
}

function post(server: ServerProcess, cookie: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method: 'POST',
    headers: {
      origin: server.url,
      cookie,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

/** What the site serves and what the database says, read through the server. */
async function state(server: ServerProcess, cookie: string) {
  const tree = (await (await fetch(`${server.url}/trees/q164887.json`)).json()) as {
    version: number;
  };
  const history = (await (
    await fetch(`${server.url}/api/trees/q164887/history`, { headers: { cookie } })
  ).json()) as { versions: unknown[] };
  const renamed = (await fetch(`${server.url}/q164887/sms-one-two/os-upgrade`)).status;
  const old = (await fetch(`${server.url}/q164887/sms-1-2/os-upgrade`)).status;
  const list = await (await fetch(`${server.url}/`)).text();
  return { served: tree.version, versions: history.versions.length, renamed, old, list };
}

const STAGES: [PublishStage, number][] = [
  // The shipped tree is version 2 (version 1 archived): a publish makes version 3.
  ['before-render', 2],
  ['during-render', 2],
  ['after-render', 2],
  ['after-commit', 3],
];

test.each(STAGES)(
  'a publish killed at %s: after a restart, version %i is served whole and recorded',
  { timeout: TIMEOUT },
  async (stage, expected) => {
    const { env, cookie, publishDir } = await prepare();
    const first = await started({ ...env, PUBLISH_TEST_HOLD: stage });
    const submitted = await post(first, cookie, '/api/submissions', {
      tree: await editedQ164887(),
      summary: 'Killed publish',
      baseVersion: 2,
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: number };
    const held = new Promise<void>((resolve) => {
      let output = '';
      first.child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`publish held at ${stage}`)) resolve();
      });
    });
    // Never answered: the process is killed while it holds.
    void post(first, cookie, `/api/submissions/${id}/publish`).catch(() => {});
    await held;
    await first.stop('SIGKILL');

    const second = await started(env);
    const after = await state(second, cookie);
    expect(after.served).toBe(expected);
    expect(after.versions).toBe(expected);
    // The pages agree with the tree file: the renamed answer's page exists only in version 2.
    // the old address is a page in version 1 only (in version 2 it is the not-found page,
    // which the browser renders as the version notice).
    expect(after.renamed).toBe(expected === 3 ? 200 : 404);
    expect(after.old).toBe(expected === 3 ? 404 : 200);
    expect(after.list).toContain('Troubleshooter');
    // Only complete folders get a generation's name; one rendered but never committed
    // (after-render) is not served, and is removed a minute later.
    const folders = (await readdir(publishDir)).filter((name) => !name.startsWith('.'));
    expect(folders.length).toBe(stage === 'after-render' || stage === 'after-commit' ? 1 : 0);

    if (stage === 'during-render') {
      // The submission is still waiting, and publishing it now works.
      const published = await post(second, cookie, `/api/submissions/${id}/publish`);
      expect(published.status).toBe(200);
      expect((await state(second, cookie)).served).toBe(3);
    }
  },
);
