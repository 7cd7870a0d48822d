import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { startServerProcess, type ServerProcess } from '../server/testing/server-process';
import { expect, test } from './fixtures';

/**
 * The real server for the browser tests that need one (`npm start`, docs/decisions/0026-server.md):
 * started once for the tests of a file (or of a describe group) on a fresh database, with the
 * accounts added by `npm run users` as a person would, and stopped with its folders removed
 * after them. The process itself is started as the server's own process tests start it
 * (server/testing/server-process.ts).
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/** The password of every account `useServer` adds. */
export const PASSWORD = 'correct horse battery staple';

export type Account = { email: string; role: 'author' | 'publisher' | 'admin' };

export type ServerOptions = {
  /** Added with `npm run users -- add`, in this order, each with PASSWORD. */
  accounts?: readonly Account[];
  /**
   * `embedded` (the default): PGlite in a fresh DATA_DIR. `postgres`: a throwaway cluster
   * from scripts/with-postgres.mjs, or the database TEST_DATABASE_URL names; without
   * PostgreSQL on the machine the tests are skipped (failed with WITH_POSTGRES_REQUIRE=1).
   */
  database?: 'embedded' | 'postgres';
  /** Environment variables that each name a fresh, empty folder (such as PUBLISH_DIR). */
  folders?: readonly string[];
};

export type TestServer = {
  /** Where it serves, such as `http://127.0.0.1:40123` (no slash at the end). */
  readonly origin: string;
  /** The embedded database's folder (DATA_DIR); '' on PostgreSQL. */
  readonly dataDir: string;
  /** Stops it before the tests end (to read its embedded database); again is a no-op. */
  stop(): Promise<void>;
  /** Signs `page` in as one of the accounts through the sign-in form, and waits for `returnTo`. */
  signIn(page: Page, email: string, returnTo: string): Promise<void>;
};

/**
 * One real server for the tests of the file or describe group this is called in: started in
 * a `beforeAll`, stopped in an `afterAll`. The group's tests run in order in one worker
 * (serial mode), so that they share it; its origin is known once they run.
 */
export function useServer(options: ServerOptions = {}): TestServer {
  test.describe.configure({ mode: 'serial' });
  let running: ServerProcess | undefined;
  let postgres: Postgres | null = null;
  const folders: string[] = [];
  const freshFolder = (name: string) => {
    const folder = mkdtempSync(path.join(tmpdir(), `troubleshooter-${name.toLowerCase()}-`));
    folders.push(folder);
    return folder;
  };
  const server = {
    origin: '',
    dataDir: '',
    async stop() {
      await running?.stop();
    },
    async signIn(page: Page, email: string, returnTo: string) {
      await page.goto(`${server.origin}/sign-in?return=${encodeURIComponent(returnTo)}`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Password').press('Enter');
      await expect(page).toHaveURL(`${server.origin}${returnTo}`);
    },
  };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const env: Record<string, string> = {};
    if (options.database === 'postgres') {
      postgres = await startPostgres();
      if (!postgres) {
        expect(process.env.WITH_POSTGRES_REQUIRE, 'PostgreSQL is required here').not.toBe('1');
        test.skip(true, 'no PostgreSQL here');
        return;
      }
      env.DATABASE_URL = postgres.url;
    } else {
      server.dataDir = env.DATA_DIR = freshFolder('DATA_DIR');
    }
    for (const name of options.folders ?? []) env[name] = freshFolder(name);
    for (const account of options.accounts ?? []) addAccount(account, env);
    running = await startServerProcess(env);
    // What the server says on stderr (warnings, errors) shows in the test's output.
    running.child.stderr?.pipe(process.stderr);
    server.origin = running.url;
  });

  test.afterAll(async () => {
    await running?.stop();
    await postgres?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  return server;
}

/** `npm run users -- add EMAIL --role ROLE` on the database `env` names, the password piped. */
function addAccount({ email, role }: Account, env: Record<string, string>) {
  const added = spawnSync(
    'node',
    ['--import', 'tsx', 'server/cli/users.ts', 'add', email, '--role', role],
    { cwd: ROOT, env: { ...process.env, ...env }, input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  expect(added.stdout, added.stderr).toContain(`Added ${email} as ${role}.`);
}

type Postgres = { url: string; stop(): Promise<void> };

/** A throwaway PostgreSQL cluster for these tests, or null when there is none to be had. */
async function startPostgres(): Promise<Postgres | null> {
  if (process.env.TEST_DATABASE_URL) {
    return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  }
  // with-postgres.mjs runs a command while the cluster is up: this one says where it is and
  // waits for its standard input to end.
  const child = spawn(
    'node',
    [
      'scripts/with-postgres.mjs',
      '--',
      'node',
      '-e',
      "console.log('DATABASE ' + process.env.TEST_DATABASE_URL); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));",
    ],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string | null>((resolve) => {
    void ended.then(() => resolve(null));
    if (!child.stdout) return resolve(null);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /^DATABASE (postgres:\S+)/.exec(line)?.[1];
      if (found) resolve(found);
    });
  });
  if (!url) return null;
  return {
    url,
    async stop() {
      child.stdin?.end();
      await ended;
    },
  };
}
