// Test helpers: an app on a database of its own, through `app.inject`. Each test file gets
// one database (PGlite in memory copied from a migrated template, or, with TEST_DATABASE_URL,
// a PostgreSQL database copied from that one), emptied before each app is built.
import type { FastifyInstance } from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import { buildApp, type AppOptions } from '../app';
import { openDatabase, type DatabaseConnection } from '../db/database';

export const SITE_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** Which database the tests run on: `pglite`, or `postgres` when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

let shared: Promise<{ connection: DatabaseConnection; url?: string }> | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

async function adminQuery(url: URL, text: string) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openTestDatabase(): Promise<{ connection: DatabaseConnection; url?: string }> {
  const templateUrl = process.env.TEST_DATABASE_URL;
  if (!templateUrl) {
    const dump = await readFile(inject('pgliteTemplate'));
    return { connection: await openDatabase({ memory: true, loadDataDir: new Blob([dump]) }) };
  }
  const template = new URL(templateUrl);
  const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const templateName = pg.escapeIdentifier(decodeURIComponent(template.pathname.slice(1)));
  await adminQuery(
    template,
    `create database ${pg.escapeIdentifier(name)} template ${templateName}`,
  );
  dropDatabase = () =>
    adminQuery(template, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  const url = new URL(template);
  url.pathname = `/${name}`;
  return { connection: await openDatabase({ url: url.href }), url: url.href };
}

/**
 * A database of its own for one test (closed by the test): a copy of the migrated template.
 * On PostgreSQL, another connection to this file's database.
 */
export async function openSeparateTestDatabase(): Promise<DatabaseConnection> {
  const url = await testDatabaseUrl();
  if (url) return openDatabase({ url });
  const dump = await readFile(inject('pgliteTemplate'));
  return openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
}

/**
 * A new PGlite data folder holding the migrated template, for a real server process to
 * start on (creating one from nothing runs initdb in WebAssembly: seconds, or most of a
 * minute on a busy machine). Removed when the test ends.
 */
export async function createTestDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-data-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const dump = await readFile(inject('pgliteTemplate'));
  const client = await PGlite.create(dataDir, { loadDataDir: new Blob([dump]) });
  await client.close();
  return dataDir;
}

/** This test file's database, migrated; shared by its tests. */
export async function testDatabase(): Promise<DatabaseConnection> {
  shared ??= openTestDatabase();
  return (await shared).connection;
}

/**
 * A PostgreSQL URL for this file's database (to start real server processes on it), or
 * undefined on PGlite, which one process owns.
 */
export async function testDatabaseUrl(): Promise<string | undefined> {
  await testDatabase();
  return (await shared)?.url;
}

/**
 * Closes this file's database (and drops its PostgreSQL copy), so that the next test file,
 * which may run in the same worker (server/vitest.config.ts), opens one of its own. Run after
 * each file by server/testing/after-each-file.ts.
 */
export async function closeTestDatabase(): Promise<void> {
  const current = shared;
  const drop = dropDatabase;
  shared = undefined;
  dropDatabase = undefined;
  if (!current) return;
  const { connection } = await current;
  await connection.close();
  await drop?.();
}

/** Empties every table (the schema stays): each test starts from an empty database. */
export async function resetDatabase(connection: DatabaseConnection): Promise<void> {
  await connection.db.execute(
    'truncate accounts, sessions, tree_versions, settings, audit_events, oidc_flows, webhook_endpoints, webhook_deliveries, webhook_attempts, step_reports, submissions, site_generations, analytics_events, analytics_daily, drafts, draft_editors, tree_reviews restart identity cascade',
  );
}

/**
 * An app on this file's database, emptied first unless `keepData` (a second app on the same
 * data, as a second server process would be). Closed when the test ends.
 */
export async function buildTestApp(
  options: Partial<Omit<AppOptions, 'database'>> & { keepData?: boolean } = {},
): Promise<FastifyInstance> {
  const { keepData = false, ...appOptions } = options;
  const connection = await testDatabase();
  if (!keepData) await resetDatabase(connection);
  // Published generations go to a folder of the test's own, removed when it ends.
  const publishDir =
    appOptions.publishDir ?? (await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-published-')));
  if (!appOptions.publishDir)
    onTestFinished(() => rm(publishDir, { recursive: true, force: true }));
  const app = await buildApp({
    siteDir: SITE_DIR,
    // A request that fails with a server error prints why, so a failure seen only under load
    // in CI can be read from its log.
    logger: { level: 'error' },
    ...appOptions,
    publishDir,
    database: { connection },
  });
  onTestFinished(() => app.close());
  await app.ready();
  return app;
}
