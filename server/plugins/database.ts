// The database as a Fastify decorator: `app.db` is the typed query layer (Drizzle over PGlite
// or PostgreSQL), `app.database` the connection (listen/notify, migrations). Migrations run
// when the plugin loads, so every app (tests included) starts on the current schema.
import fp from 'fastify-plugin';
import {
  openDatabase,
  type Database,
  type DatabaseConnection,
  type DatabaseOptions,
} from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    database: DatabaseConnection;
  }
}

export type DatabasePluginOptions = {
  /** Where the data is, or a connection opened by the caller (which then also closes it). */
  database: DatabaseOptions | { connection: DatabaseConnection };
};

export const databasePlugin = fp<DatabasePluginOptions>(
  async (app, { database }) => {
    const owned = !('connection' in database);
    const connection =
      'connection' in database ? database.connection : await openDatabase(database);
    try {
      await connection.migrate();
    } catch (error) {
      if (owned) await connection.close();
      throw error;
    }
    app.decorate('database', connection);
    app.decorate('db', connection.db);
    if (owned) app.addHook('onClose', () => connection.close());
  },
  { name: 'database' },
);
