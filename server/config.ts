// The server's settings from the environment (docs/server.md lists them). Everything an admin
// changes while it runs lives in the database instead (the settings table).
import path from 'node:path';
import { parseOriginList } from './accounts/origin-check';
import { readOidcSettings, type OidcSettings } from './accounts/oidc-config';
import type { DatabaseOptions } from './db/database';
import type { PublishStage } from './publish/site-generation';

export type ServerConfig = {
  port: number;
  host: string;
  database: DatabaseOptions;
  siteDir: string;
  basePath: string;
  trustProxy: boolean | string;
  /** PUBLIC_ORIGIN: where the site is reached (comma-separated), for the CSRF origin check. */
  publicOrigins: string[];
  /** OIDC_*: OpenID Connect sign-in, or null. */
  oidc: OidcSettings | null;
  /** PUBLISH_DIR: where published generations of the site are made (beside DIST_DIR). */
  publishDir: string;
  /** PUBLISH_TEST_HOLD: tests only, a publishing stage to stop at (server/publish/). */
  publishHold?: PublishStage;
};

export function readServerConfig(env: NodeJS.ProcessEnv, root: string): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  const basePath = env.BASE_PATH ?? '/';
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) {
    throw new Error(`BASE_PATH must start and end with "/", such as /helpdesk/troubleshooter/`);
  }
  const trustProxy = env.TRUST_PROXY ?? '';
  return {
    port,
    host: env.HOST ?? 'localhost',
    database: env.DATABASE_URL
      ? { url: env.DATABASE_URL }
      : { dataDir: path.resolve(root, env.DATA_DIR ?? 'data') },
    siteDir: path.resolve(root, env.DIST_DIR ?? 'dist'),
    basePath,
    // "true" trusts any proxy (it must then be the only way in); otherwise a list of the
    // proxies' addresses, such as "127.0.0.1" or "10.0.0.0/8".
    trustProxy: trustProxy === 'true' ? true : trustProxy === '' ? false : trustProxy,
    publicOrigins: parseOriginList(env.PUBLIC_ORIGIN),
    oidc: readOidcSettings(env),
    publishDir: path.resolve(root, env.PUBLISH_DIR ?? 'published'),
    ...(env.PUBLISH_TEST_HOLD ? { publishHold: env.PUBLISH_TEST_HOLD as PublishStage } : {}),
  };
}
