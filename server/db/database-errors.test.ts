// The one line said for a database that cannot be opened, from real failures: a closed port,
// and on PostgreSQL a missing role, a missing database and a role that may not create tables.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { expect, onTestFinished, test } from 'vitest';
import { openDatabase, type DatabaseOptions } from './database';
import { databaseFailure } from './database-errors';
import { TEST_DATABASE_KIND, testDatabase, testDatabaseUrl } from '../testing/test-app';
import { startServerProcess } from '../testing/server-process';

/** What opening and migrating `options` fails with. */
async function failureOf(options: DatabaseOptions): Promise<unknown> {
  try {
    const connection = await openDatabase(options);
    try {
      await connection.migrate();
    } finally {
      await connection.close();
    }
  } catch (error) {
    return error;
  }
  throw new Error('the database opened');
}

/** A port nothing listens on: bound, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('nothing listening: refused, with where, and never the password', async () => {
  const port = await closedPort();
  const options = { url: `postgres://troubleshooter:secret@127.0.0.1:${port}/troubleshooter` };
  const line = databaseFailure(await failureOf(options), options);
  expect(line).toBe(
    `PostgreSQL at 127.0.0.1:${port} (DATABASE_URL) refused the connection: is PostgreSQL running, and listening on that address and port?`,
  );
});

test('a DATABASE_URL that is not a PostgreSQL address says how to write one', async () => {
  const options = { url: 'mysql://troubleshooter@db.example/troubleshooter' };
  expect(databaseFailure(new Error('anything'), options)).toBe(
    'DATABASE_URL is not a PostgreSQL address: write it as postgres://user:password@host:5432/name',
  );
});

test('an embedded database in use by another process is said as the lock says it', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'database-errors-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  // A claim by another live process: pid 1 is always running, and is not this test.
  await writeFile(path.join(dataDir, 'troubleshooter.pid'), '1\n');
  const error = await failureOf({ dataDir });
  expect(databaseFailure(error, { dataDir })).toMatch(/open in process 1\b/);
});

test('an error in a query is not the person’s to fix: no line, so it throws with its stack', async () => {
  const connection = await testDatabase();
  const error = await connection.db.execute('select * from no_such_table').catch((e) => e);
  const url = await testDatabaseUrl();
  expect(databaseFailure(error, url ? { url } : { memory: true })).toBeUndefined();
});

test('the server started on a closed port prints the one line and exits, no stack', async () => {
  const port = await closedPort();
  const started = startServerProcess({
    DATABASE_URL: `postgres://troubleshooter:secret@127.0.0.1:${port}/troubleshooter`,
  });
  const error = (await started.then(
    () => new Error('the server started'),
    (e: unknown) => e,
  )) as Error;
  expect(error.message).toContain('the server exited (1)');
  expect(error.message).toContain(
    `troubleshooter: PostgreSQL at 127.0.0.1:${port} (DATABASE_URL) refused the connection`,
  );
  expect(error.message).not.toMatch(/^\s+at /m);
  expect(error.message).not.toContain('secret');
});

test.runIf(TEST_DATABASE_KIND === 'postgres')(
  'PostgreSQL: a missing role, a missing database, a role that may not create tables',
  async () => {
    const url = new URL((await testDatabaseUrl())!);
    const admin = new pg.Client({ connectionString: url.href });
    await admin.connect();
    const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const role = `limited_${suffix}`;
    const database = `owned_by_another_${suffix}`;
    await admin.query(`create role ${role} login`);
    await admin.query(`create database ${database}`);
    onTestFinished(async () => {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    });
    const at = (changes: { user?: string; name?: string }) => {
      const address = new URL(url);
      if (changes.user) address.username = changes.user;
      if (changes.name) address.pathname = `/${changes.name}`;
      return { url: address.href };
    };
    const where = `PostgreSQL at ${url.hostname}:${url.port} (DATABASE_URL)`;

    const noRole = at({ user: `nobody_${suffix}` });
    expect(databaseFailure(await failureOf(noRole), noRole)).toBe(
      `${where} refused the sign-in: role "nobody_${suffix}" does not exist. Create the role, or allow it in pg_hba.conf (docs/server.md, "PostgreSQL and more than one machine")`,
    );

    const noDatabase = at({ name: `missing_${suffix}` });
    expect(databaseFailure(await failureOf(noDatabase), noDatabase)).toBe(
      `${where} has no database "missing_${suffix}": create it, owned by the role "${url.username}" (docs/server.md, "PostgreSQL and more than one machine")`,
    );

    // PostgreSQL 15 on: only a database's owner may create in it (the documented setup).
    const notOwner = at({ user: role, name: database });
    expect(databaseFailure(await failureOf(notOwner), notOwner)).toMatch(
      new RegExp(
        `^${where.replace(/[().]/g, '\\$&')}: the role "${role}" may not create the tables in the database "${database}" \\(permission denied for database ${database}\\); make the role its owner: ALTER DATABASE ${database} OWNER TO ${role} `,
      ),
    );
  },
);
