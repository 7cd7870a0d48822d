// Runs a command with a throwaway PostgreSQL server: a new cluster in a temporary folder, on a
// free port, with one empty database that TEST_DATABASE_URL names; stopped and removed after.
//
//   node scripts/with-postgres.mjs -- npm run test:server:run
//
// Uses PostgreSQL's server programs from PG_BIN, /usr/lib/postgresql/<newest>/bin (Debian's
// `postgresql` package) or the PATH. As root, the cluster runs as the `postgres` user, as
// PostgreSQL requires. Without PostgreSQL the command is not run and this says so; with
// WITH_POSTGRES_REQUIRE=1 (CI) that is a failure.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const separator = process.argv.indexOf('--');
const command = separator === -1 ? [] : process.argv.slice(separator + 1);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs -- <command> [arguments]');
  process.exit(2);
}

function findBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(path.join(debian, name, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  try {
    const found = execFileSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).trim();
    return found ? path.dirname(found) : undefined;
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const binDir = findBinDir();
if (!binDir) {
  const message =
    'with-postgres: no PostgreSQL server programs found (install Debian\'s "postgresql", or set PG_BIN)';
  if (process.env.WITH_POSTGRES_REQUIRE === '1') {
    console.error(`${message}: required here (WITH_POSTGRES_REQUIRE=1)`);
    process.exit(1);
  }
  console.log(`${message}: skipped ${command.join(' ')}`);
  process.exit(0);
}

const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'troubleshooter-pg-'));
if (asRoot) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(dir, uid, gid);
}
/** Runs a PostgreSQL program, as the postgres user when we are root. */
function pg(program, args) {
  const file = path.join(binDir, program);
  const [cmd, cmdArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', file, ...args]]
    : [file, args];
  execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'inherit'], cwd: dir });
}

const data = path.join(dir, 'data');
const port = await freePort();
let started = false;
function stop() {
  if (started) {
    started = false;
    try {
      pg('pg_ctl', ['-D', data, 'stop', '-m', 'fast']);
    } catch {
      // Already gone: the folder is removed anyway.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

let status = 1;
try {
  const began = Date.now();
  pg('initdb', ['-D', data, '-A', 'trust', '-U', 'tester', '--no-sync']);
  // fsync off: this cluster is thrown away, and the tests kill server processes, not machines.
  pg('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-l',
    path.join(dir, 'log'),
    'start',
    '-w',
  ]);
  started = true;
  pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'tester', 'troubleshooter']);
  const url = `postgres://tester@127.0.0.1:${port}/troubleshooter`;
  console.log(`with-postgres: PostgreSQL at ${url} (started in ${Date.now() - began} ms)`);
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: url },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(`with-postgres: ${error.message}`);
  if (existsSync(path.join(dir, 'log')))
    console.error(execFileSync('cat', [path.join(dir, 'log')], { encoding: 'utf8' }));
} finally {
  stop();
}
process.exit(status);
