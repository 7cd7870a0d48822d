// npm run bench:server: requests per second and latency on loopback (autocannon) for a step
// page and /api/health from the server (`npm start`, embedded database), beside the same step
// page from scripts/serve-static.mjs (gzip, CSP, the rewrite rule: the documented static
// host) in the same run. Each is measured in turns, the median of the rounds is printed, and
// the ratio server/static for the step page (docs/performance.md). Timings are never asserted.
//
// Then publishing (docs/decisions/0030-review-and-publish.md): a publisher publishes the
// shipped troubleshooter with one change, and a troubleshooter of 4,190 steps, each three
// times; the time is from the publish request to its answer, which comes once the new
// generation is live in this process (the median is printed), and the CPU time (user +
// system) the server process used meanwhile, its render worker included, which the machine's
// load affects less than the wall-clock time.
//
//   npm run bench:server [-- --seconds 5 --rounds 3 --connections 10 --publishes 3]
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    publishes: { type: 'string', default: '3' },
  },
});
const STEP = '/q164887/sms-1-2/os-upgrade/repeats';
const HEADERS = { accept: 'text/html', 'accept-encoding': 'gzip' };

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process and resolves when a line of its output matches `ready`. */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (ready.test(output)) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}):\n${output}`)),
    );
  });
}

function run(url) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        headers: HEADERS,
        connections: Number(values.connections),
        duration: Number(values.seconds),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * CPU time (user + system) a process has used so far, in ms, its threads included (the render
 * worker): less affected by the machine's load than wall-clock time. Linux only (/proc).
 */
function cpuMs(pid) {
  try {
    // The fields after the command's name (which may hold spaces), from the state on.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = Number(
  spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim() || 100,
);

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troubleshooter-bench-'));
const publishDir = mkdtempSync(path.join(os.tmpdir(), 'troubleshooter-bench-published-'));
const PUBLISHER = { email: 'publisher@example.com', password: 'a long enough password' };
const added = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'server/cli/users.ts', 'add', PUBLISHER.email, '--role', 'publisher'],
  { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, input: `${PUBLISHER.password}\n` },
);
if (added.status !== 0) throw new Error(`users add: ${added.stderr}`);
const [staticPort, serverPort] = [await freePort(), await freePort()];
// The server first: it builds dist/ if it is stale, which the static server then serves.
const server = await start(
  ['--import', 'tsx', 'server/main.ts'],
  {
    PORT: String(serverPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLISH_DIR: publishDir,
    LOG_LEVEL: 'warn',
  },
  /troubleshooter: serving/,
);
const staticServer = await start(
  [
    'scripts/serve-static.mjs',
    '--root',
    'dist',
    '--port',
    String(staticPort),
    '--gzip',
    '--csp',
    '--step-rewrite',
  ],
  {},
  /serving/,
);

const targets = [
  { name: `static step page ${STEP}`, url: `http://127.0.0.1:${staticPort}${STEP}` },
  { name: `server step page ${STEP}`, url: `http://127.0.0.1:${serverPort}${STEP}` },
  { name: 'server /api/health', url: `http://127.0.0.1:${serverPort}/api/health` },
];
const results = new Map(targets.map((target) => [target.name, []]));
const publishTimes = { shipped: [], large: [] };
const publishCpu = { shipped: [], large: [] };
let largeSteps = 0;
try {
  // A short warm-up of each, then rounds in turns, so that a busy moment of the machine
  // falls on all of them alike.
  for (const target of targets) await run(target.url);
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (const target of targets) {
      const result = await run(target.url);
      if (result.non2xx > 0 || result.errors > 0) {
        throw new Error(
          `${target.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`,
        );
      }
      results.get(target.name).push(result);
    }
  }
  // Publishing, timed from the request to the answer (the new generation is live then).
  const origin = `http://127.0.0.1:${serverPort}`;
  const signIn = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(PUBLISHER),
    redirect: 'manual',
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = async (url, body) => {
    const response = await fetch(`${origin}${url}`, {
      method: 'POST',
      headers: { origin, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const publish = async (tree, kind) => {
    const { id } = await post('/api/submissions', { tree, summary: 'Bench' });
    const cpuBefore = cpuMs(server.pid);
    const started = performance.now();
    await post(`/api/submissions/${id}/publish`);
    publishTimes[kind].push(performance.now() - started);
    publishCpu[kind].push(cpuMs(server.pid) - cpuBefore);
  };
  const { chainTree } = await import('./scale-trees.mjs');
  const shipped = JSON.parse(
    readFileSync(path.join(ROOT, 'dist', 'trees', 'q164887.json'), 'utf8'),
  );
  const large = chainTree('bench-large', 10);
  // 4,190 steps (scripts/scale-trees.test.ts counts them).
  largeSteps = 4190;
  for (let round = 0; round < Number(values.publishes); round += 1) {
    await publish({ ...shipped, description: `${shipped.description} (${round})` }, 'shipped');
    await publish({ ...large, description: `Round ${round}` }, 'large');
  }
} finally {
  server.kill('SIGTERM');
  staticServer.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(publishDir, { recursive: true, force: true });
}

console.log(
  `bench:server: ${values.rounds} rounds of ${values.seconds} s, ${values.connections} connections, loopback, ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(1)}); medians`,
);
const summary = {};
for (const [name, runs] of results) {
  const rps = median(runs.map((r) => r.requests.average));
  const p50 = median(runs.map((r) => r.latency.p50));
  const p99 = median(runs.map((r) => r.latency.p99));
  summary[name] = rps;
  console.log(
    `  ${name.padEnd(58)} ${rps.toFixed(0).padStart(6)} req/s   latency p50 ${p50} ms, p99 ${p99} ms`,
  );
}
const ratio = summary[targets[1].name] / summary[targets[0].name];
console.log(`  step page, server / static: ${ratio.toFixed(2)}x (the target is at least 0.80x)`);
const times = (numbers) => numbers.map((ms) => ms.toFixed(0)).join(', ');
for (const [kind, name, target] of [
  ['shipped', 'q164887 (shipped)', 2000],
  ['large', `a tree of ${largeSteps} steps`, 15000],
]) {
  console.log(
    `  publish ${name}, live after: median ${median(publishTimes[kind]).toFixed(0)} ms of ${times(publishTimes[kind])} (the target is under ${target} ms); ` +
      `server CPU (user + system) median ${median(publishCpu[kind]).toFixed(0)} ms of ${times(publishCpu[kind])}`,
  );
}
