// Why the database could not be opened, in one line a person can act on: the server, `npm run
// users` and `npm run export` print it instead of a stack (docs/server.md). Only what the
// person can fix is said; anything else is left to throw, with its stack, as a bug.
import { DataDirInUseError } from './data-dir-lock';
import type { DatabaseOptions } from './database';

/** The PostgreSQL error codes (SQLSTATE) and Node's network codes said here. */
type Coded = { code?: unknown; message?: unknown; cause?: unknown };

/** The first error in the `cause` chain with a code: Drizzle wraps the driver's error. */
function codedError(error: unknown): { code: string; message: string } | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, cause } = current as Coded;
    if (typeof code === 'string') return { code, message: String(message ?? '') };
    // An AggregateError (a host name with several addresses) holds one error per address.
    const [first] = (current as { errors?: unknown[] }).errors ?? [];
    current = first ?? cause;
  }
  return undefined;
}

/** Where DATABASE_URL points, without its password. */
function describeUrl(url: string): { where: string; user: string; name: string } | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return undefined;
    const name = decodeURIComponent(parsed.pathname.slice(1)) || '(none)';
    return {
      where: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`,
      user: decodeURIComponent(parsed.username) || '(your system user)',
      name,
    };
  } catch {
    return undefined;
  }
}

const SEE = 'docs/server.md, "PostgreSQL and more than one machine"';

/**
 * One line saying why `options`' database could not be opened or migrated, or undefined for
 * an error that is not the person's to fix.
 */
export function databaseFailure(error: unknown, options: DatabaseOptions): string | undefined {
  if (error instanceof DataDirInUseError) return error.message;
  if (!('url' in options)) return undefined;
  const url = describeUrl(options.url);
  if (!url) {
    return 'DATABASE_URL is not a PostgreSQL address: write it as postgres://user:password@host:5432/name';
  }
  const at = `PostgreSQL at ${url.where} (DATABASE_URL)`;
  const found = codedError(error);
  if (!found) {
    // pg's own connection timeout carries no code.
    return /timeout/i.test(String((error as Coded)?.message))
      ? `${at} did not answer within 5 seconds: is the address right, and may this machine reach it?`
      : undefined;
  }
  switch (found.code) {
    case 'ECONNREFUSED':
      return `${at} refused the connection: is PostgreSQL running, and listening on that address and port?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${at}: no host of that name was found; check the host in DATABASE_URL`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${at} could not be reached (${found.code}): is the address right, and may this machine reach it?`;
    case '28P01':
      // PostgreSQL answers an unknown role with a password check too, so as not to say which.
      return `${at} refused the password for the role "${url.user}", or there is no such role: check both in DATABASE_URL`;
    case '28000':
      return `${at} refused the sign-in: ${found.message}. Create the role, or allow it in pg_hba.conf (${SEE})`;
    case '3D000':
      return `${at} has no database "${url.name}": create it, owned by the role "${url.user}" (${SEE})`;
    case '42501':
      return `${at}: the role "${url.user}" may not create the tables in the database "${url.name}" (${found.message}); make the role its owner: ALTER DATABASE ${url.name} OWNER TO ${url.user} (${SEE})`;
    case '57P03':
      return `${at} is starting up or shutting down: start the server again in a moment`;
    case '53300':
      return `${at} has no connection left (too many clients): raise max_connections, or run fewer processes`;
    default:
      // The other connection, sign-in and resource errors (SQLSTATE classes 08, 28, 3D, 53
      // and 57) are the database's setup too; an error in a query is a bug, with its stack.
      return /^(08|28|3D|53|57)[0-9A-Z]{3}$/.test(found.code)
        ? `${at}: ${found.message} (PostgreSQL error ${found.code})`
        : undefined;
  }
}
