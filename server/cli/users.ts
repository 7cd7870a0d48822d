// `npm run users -- add EMAIL --role ROLE | list | remove EMAIL | set-role EMAIL ROLE | set-password EMAIL`
//
// Manages local accounts in the database the server uses (DATABASE_URL, or the embedded one in
// DATA_DIR, ./data by default). Passwords are read from standard input, never from the command
// line (which other users of the machine can see): typed at a prompt that does not echo, or
// piped (`printf '%s\n' "$PASSWORD" | npm run users -- add …`).
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { recordAudit } from '../audit/audit-log';
import {
  addAccount,
  findAccountByEmail,
  isEmail,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_LENGTH,
  listAccounts,
  normaliseEmail,
  removeAccount,
  setPasswordHash,
  setRole,
} from '../accounts/accounts-store';
import { hashPassword } from '../accounts/password';
import { isRole } from '../accounts/roles';
import { openDatabase, type Database, type DatabaseOptions } from '../db/database';
import { databaseFailure } from '../db/database-errors';

const USAGE = `Usage: npm run users -- <command>
  add EMAIL --role author|publisher|admin [--no-password]
      Adds an account; the password is read from standard input. --no-password makes an
      account that signs in only through OpenID Connect.
  list
  remove EMAIL        (ends the account's sessions)
  set-role EMAIL author|publisher|admin
  set-password EMAIL  (reads the new password from standard input)`;

export const MIN_PASSWORD_LENGTH = 10;

class UsageError extends Error {}

/** Reads a password: from a pipe, its first line; at a terminal, typed twice without echo. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input, output: process.stderr, terminal: true });
      // Echo nothing of what is typed.
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
        if (text.startsWith(prompt)) process.stderr.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('The same password again: ');
  if (first !== second) throw new UsageError('The two passwords differ; nothing was changed.');
  return first;
}

async function newPasswordHash(): Promise<string> {
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters; nothing was changed.`,
    );
  }
  return hashPassword(password);
}

const CLI_ACTOR = null;
const by = () => ({ by: `command line (${userInfo().username})` });

/** The shape of an address, whatever its length: enough to name an account already stored. */
const findableEmail = (value: string) => /^[^\s@<>]+@[^\s@<>]+$/.test(value);

export async function runUsersCommand(db: Database, argv: string[], out: (line: string) => void) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'no-password': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, email = '', roleArgument] = positionals;
  if (values.help || !command) throw new UsageError(USAGE);
  // A new account's address must be one mail can reach; an existing one is named as stored.
  const needEmail = (existing = true) => {
    const address = normaliseEmail(email);
    if (isEmail(address) || (existing && findableEmail(address))) return address;
    // The shape is right, the lengths are not: say which limit.
    if (findableEmail(address)) {
      throw new UsageError(
        `"${email}" is longer than an email address can be: at most ${MAX_EMAIL_LOCAL_LENGTH} characters before the @ and ${MAX_EMAIL_LENGTH} in all.\n\n${USAGE}`,
      );
    }
    throw new UsageError(`"${email}" is not an email address.\n\n${USAGE}`);
  };
  switch (command) {
    case 'add': {
      const address = needEmail(false);
      const role = values.role;
      if (!isRole(role))
        throw new UsageError(`--role must be author, publisher or admin.\n\n${USAGE}`);
      if (await findAccountByEmail(db, address))
        throw new UsageError(`There is already an account for ${address}.`);
      const passwordHash = values['no-password'] ? null : await newPasswordHash();
      await addAccount(db, { email: address, role, passwordHash });
      await recordAudit(db, {
        actor: CLI_ACTOR,
        action: 'account.added',
        subject: address,
        details: { role, ...by() },
      });
      out(
        `Added ${address} as ${role}${passwordHash ? '' : ' (signs in through OpenID Connect only)'}.`,
      );
      return;
    }
    case 'list': {
      const rows = await listAccounts(db);
      if (rows.length === 0)
        return out('No accounts yet. Add one: npm run users -- add EMAIL --role admin');
      for (const row of rows) {
        const ways = [
          row.hasPassword ? 'password' : '',
          row.oidcIssuer ? 'OpenID Connect' : '',
        ].filter(Boolean);
        out(`${row.email}\t${row.role}\t${ways.join(' + ') || 'no way to sign in yet'}`);
      }
      return;
    }
    case 'remove': {
      const address = needEmail();
      const removed = await removeAccount(db, address);
      if (!removed) throw new UsageError(`There is no account for ${address}.`);
      await recordAudit(db, {
        actor: CLI_ACTOR,
        action: 'account.removed',
        subject: address,
        details: { role: removed.role, ...by() },
      });
      out(`Removed ${address}; its sessions have ended.`);
      return;
    }
    case 'set-role': {
      const address = needEmail();
      if (!isRole(roleArgument))
        throw new UsageError(`The role must be author, publisher or admin.\n\n${USAGE}`);
      const before = await findAccountByEmail(db, address);
      if (!before) throw new UsageError(`There is no account for ${address}.`);
      await setRole(db, address, roleArgument);
      await recordAudit(db, {
        actor: CLI_ACTOR,
        action: 'account.role-changed',
        subject: address,
        details: { from: before.role, to: roleArgument, ...by() },
      });
      out(`${address} is now ${roleArgument}.`);
      return;
    }
    case 'set-password': {
      const address = needEmail();
      if (!(await findAccountByEmail(db, address)))
        throw new UsageError(`There is no account for ${address}.`);
      await setPasswordHash(db, address, await newPasswordHash());
      await recordAudit(db, {
        actor: CLI_ACTOR,
        action: 'account.password-changed',
        subject: address,
        details: by(),
      });
      out(`Changed the password of ${address}.`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

async function main() {
  // An embedded database another process has open is refused (server/db/data-dir-lock.ts).
  const options: DatabaseOptions = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL }
    : { dataDir: process.env.DATA_DIR ?? 'data' };
  // A database the person must set up or free first is said in one line (UsageError).
  const usable = (error: unknown): never => {
    const failure = databaseFailure(error, options);
    throw failure ? new UsageError(failure) : error;
  };
  const connection = await openDatabase(options).catch(usable);
  try {
    await connection.migrate().catch(usable);
    await runUsersCommand(connection.db, process.argv.slice(2), (line) => console.log(line));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  });
}
