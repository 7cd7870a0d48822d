// One typed query layer over either database (docs/decisions/0027-database-layer.md): the
// embedded PGlite (a data folder, or memory for tests) or a PostgreSQL server (DATABASE_URL).
// Both speak PostgreSQL, so Drizzle takes the same schema and the same migrations for both.
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { claimDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseOptions =
  /** A PostgreSQL server: `postgres://user:password@host:port/name`. */
  | { url: string }
  /** The embedded PGlite with its data in this folder (created when missing). */
  | { dataDir: string }
  /** PGlite in memory, optionally loaded from a data folder dump (tests). */
  | { memory: true; loadDataDir?: Blob };

export type DatabaseConnection = {
  kind: 'pglite' | 'postgres';
  db: Database;
  /** Runs the migrations that have not run yet; safe when two processes start at once. */
  migrate(): Promise<void>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel`, from this process or another. After a
   * lost connection to the server is restored, `onReconnect` runs (a notification may have
   * been missed meanwhile: reload what you keep). Returns a function that stops listening.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any fixed number: every process that migrates this database takes the same lock, so the
// second one waits and then finds nothing left to do.
const MIGRATION_LOCK = 164887;

/** Opens the database the options name. Nothing is migrated until `migrate()`. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  return 'url' in options ? openPostgres(options.url) : openPglite(options);
}

async function openPglite(
  options: { dataDir: string } | { memory: true; loadDataDir?: Blob },
): Promise<DatabaseConnection> {
  let client: PGlite;
  let release = async () => {};
  if ('dataDir' in options) {
    await mkdir(options.dataDir, { recursive: true });
    release = await claimDataDir(options.dataDir);
    try {
      client = await PGlite.create(options.dataDir);
    } catch (error) {
      await release();
      throw error;
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    db,
    async migrate() {
      // One process owns a PGlite data folder, so there is nobody to wait for; the lock is
      // taken anyway so that both databases run exactly the same steps.
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    },
    async listen(channel, onMessage) {
      const unlisten = await client.listen(channel, onMessage);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    async close() {
      if (!client.closed) await client.close();
      await release();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseConnection> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server (a restart, a failover) emits 'error'; without a
  // listener that would end the process. The next query gets a fresh connection.
  pool.on('error', () => {});
  const db = drizzleNodePostgres({ client: pool, schema });
  const listeners = new Set<pg.Client>();
  let closed = false;
  return {
    kind: 'postgres',
    db,
    async migrate() {
      // A session-level advisory lock, held on one connection for the whole run: a second
      // process starting at the same time waits here, then finds the migrations done.
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrateNodePostgres(drizzleNodePostgres({ client: connection, schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        connection.release();
      }
    },
    async listen(channel, onMessage, onReconnect) {
      // LISTEN needs a connection of its own that stays open; when it drops, a new one is
      // made after a short wait, and `onReconnect` covers what was said meanwhile.
      let current: pg.Client | undefined;
      let stopped = false;
      const connect = async (isReconnect: boolean): Promise<void> => {
        if (stopped || closed) return;
        const client = new pg.Client({ connectionString: url });
        const retry = () => {
          listeners.delete(client);
          client.removeAllListeners();
          void client.end().catch(() => {});
          if (!stopped && !closed) setTimeout(() => void connect(true), 500).unref();
        };
        client.on('error', retry);
        client.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        try {
          await client.connect();
          await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          if (!isReconnect) throw error;
          retry();
          return;
        }
        current = client;
        listeners.add(client);
        if (isReconnect) onReconnect?.();
      };
      await connect(false);
      return async () => {
        stopped = true;
        if (current) {
          listeners.delete(current);
          await current.end().catch(() => {});
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})));
      await pool.end();
    },
  };
}

/** Sends `payload` to every listener on `channel`; inside a transaction, on commit. */
export async function notify(db: Database, channel: string, payload = ''): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Whether the database answers a query. */
export async function isAnswering(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
