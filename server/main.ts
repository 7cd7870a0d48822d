// `npm start`: builds the site when it is missing or stale, opens the database (PGlite in
// ./data, or DATABASE_URL), runs the migrations, and serves the site and the API on PORT.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { readServerConfig } from './config';
import { databaseFailure } from './db/database-errors';
import { ensureSiteBuilt } from './site/ensure-site-built';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** A start that cannot go on for a reason a person can fix: said in one line, not a stack. */
function stopWith(message: string): never {
  console.error(`troubleshooter: ${message}`);
  process.exit(1);
}

// Every error readServerConfig throws names a setting and what it must be (PORT, BASE_PATH,
// OIDC_*).
const config = (() => {
  try {
    return readServerConfig(process.env, root);
  } catch (error) {
    return stopWith((error as Error).message);
  }
})();

ensureSiteBuilt(root, { dir: path.relative(root, config.siteDir), base: config.basePath }, (line) =>
  console.log(`troubleshooter: ${line}`),
);

const app = await buildApp({
  database: config.database,
  siteDir: config.siteDir,
  basePath: config.basePath,
  trustProxy: config.trustProxy,
  publicOrigins: config.publicOrigins,
  oidc: config.oidc,
  publishDir: config.publishDir,
  warmRenderer: true,
  ...(config.publishHold ? { publishHold: config.publishHold } : {}),
  ...(process.env.ANALYTICS_RATE_LIMIT
    ? { analyticsRateLimit: Number(process.env.ANALYTICS_RATE_LIMIT) }
    : {}),
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
}).catch((error: unknown) => {
  const failure = databaseFailure(error, config.database);
  if (failure) stopWith(failure);
  throw error;
});

// A service manager stops the process with SIGTERM (systemd) or Ctrl+C: close the database
// cleanly. Committed changes survive even a SIGKILL; this only makes the next start quicker.
// Requests in flight are answered first (server/plugins/graceful-close.ts); one still open
// after 10 s is cut, so that the database is closed before a service manager's kill
// (docs/server.md's unit waits 20 s).
const CLOSE_DEADLINE_MS = 10_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    setTimeout(() => {
      app.log.warn(`${signal}: requests still open after ${CLOSE_DEADLINE_MS / 1000} s: cut`);
      app.server.closeAllConnections();
    }, CLOSE_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  await app.close();
  stopWith(
    `port ${config.port} on ${config.host} is in use (another server?): stop it, or set PORT to another port`,
  );
});
// The port actually bound (PORT=0 picks a free one: the tests read it from this line).
const { port } = app.server.address() as { port: number };
const where =
  'url' in config.database
    ? 'PostgreSQL (DATABASE_URL)'
    : 'dataDir' in config.database
      ? `the embedded database in ${config.database.dataDir}`
      : 'memory';
console.log(
  `troubleshooter: serving http://${config.host}:${port}${config.basePath} from ${where}`,
);
