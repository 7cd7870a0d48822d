// npm run bench:analytics: walk events ingested per second through POST /api/events (loopback,
// batches of 50 from 8 senders, as many pages' beacons would arrive) into the embedded
// database and into PostgreSQL, and the time of a 13-month report over 10 million events
// generated in PostgreSQL (generate_series, then counted per day as ingestion counts them).
// Timings are printed, never asserted (docs/performance.md).
//
//   npm run bench:analytics [-- --seconds 10 --events 10000000]
// PostgreSQL comes from scripts/with-postgres.mjs (a throwaway cluster) unless
// TEST_DATABASE_URL names one; without PostgreSQL only the embedded database is measured.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    events: { type: 'string', default: '10000000' },
    inner: { type: 'boolean', default: false },
  },
});

if (!values.inner && !process.env.TEST_DATABASE_URL) {
  // Again, inside a throwaway PostgreSQL cluster.
  const args = process.argv.slice(2);
  const result = spawnSync(
    'node',
    ['scripts/with-postgres.mjs', '--', 'node', 'scripts/bench-analytics.mjs', '--inner', ...args],
    { cwd: ROOT, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}

const AUTHOR = 'bench@example.com';
const PASSWORD = 'bench password for the report';
const SECONDS = Number(values.seconds);
const TOTAL = Number(values.events);

// Q164887's questions with their answers, and its outcomes: every event fits the tree.
const ANSWERS = [
  ['sms-version', 'sms-1-2'],
  ['sms-version', 'version-unsure'],
  ['upgrade-job', 'os-upgrade'],
  ['upgrade-job', 'other-job'],
  ['repeats', 'repeats'],
  ['job-status', 'failed'],
  ['pcm-service', 'service'],
  ['service-pack', 'no-service-pack'],
];
const BATCH = Array.from({ length: 50 }, (_, index) => {
  const [node, answer] = ANSWERS[index % ANSWERS.length];
  return index % 2 === 0
    ? { kind: 'step', tree: 'q164887', version: 1, node, trail: 'sms-1-2/os-upgrade' }
    : { kind: 'answer', tree: 'q164887', version: 1, node, answer };
});

async function startServer(env) {
  const fullEnv = { ...process.env, ...env, ANALYTICS_RATE_LIMIT: '100000000' };
  const added = spawnSync(
    'node',
    ['--import', 'tsx', 'server/cli/users.ts', 'add', AUTHOR, '--role', 'author'],
    { cwd: ROOT, env: fullEnv, input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  if (added.status !== 0) throw new Error(added.stderr);
  const child = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...fullEnv, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /serving (http:\/\/[^/]+)\//.exec(line)?.[1];
      if (found) resolve(found);
    });
  });
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Events stored per second by 8 senders posting batches of 50 for SECONDS. */
async function ingest(origin) {
  const body = JSON.stringify({ events: BATCH });
  const headers = { 'content-type': 'text/plain', origin };
  // Warm up: the tree's shape is read once.
  await fetch(`${origin}/api/events`, { method: 'POST', headers, body });
  let stored = 0;
  let failed = 0;
  const end = Date.now() + SECONDS * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const response = await fetch(`${origin}/api/events`, { method: 'POST', headers, body });
        if (response.ok) stored += (await response.json()).stored;
        else failed += 1;
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  return { perSecond: Math.round(stored / seconds), stored, failed };
}

async function signIn(origin) {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ email: AUTHOR, password: PASSWORD }).toString(),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed (${response.status})`);
  return cookie;
}

const day = (offset) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

/** The median time of the 13-month report, over 15 runs after 3 to warm up. */
async function reportTime(origin) {
  const cookie = await signIn(origin);
  const url = `${origin}/api/analytics/q164887?v=1&from=${day(395)}&to=${day(0)}`;
  const times = [];
  let walks = 0;
  for (let run = 0; run < 18; run += 1) {
    const began = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const report = await response.json();
    if (run >= 3) times.push(performance.now() - began);
    walks = report.versions[0].walks;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], walks };
}

/** TOTAL events over the last 13 months, straight into the tables, as ingestion would. */
async function generate(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const began = performance.now();
  const answers = ANSWERS.map(([node, answer]) => `('${node}','${answer}')`).join(',');
  await client.query(`
    insert into analytics_events (at, tree_id, version, kind, node_id, answer, trail)
    select now() - ((i % 395) || ' days')::interval, 'q164887', 1,
           case when i % 2 = 0 then 'step' else 'answer' end,
           pairs.node, case when i % 2 = 0 then '' else pairs.answer end, ''
    from generate_series(1, ${TOTAL}) as i
    join (select row_number() over () - 1 as n, node, answer
          from (values ${answers}) as v(node, answer)) as pairs
      on pairs.n = (i / 2) % ${ANSWERS.length}`);
  await client.query(`
    insert into analytics_daily (day, tree_id, version, kind, node_id, answer, count)
    select (at at time zone 'UTC')::date, tree_id, version, kind, node_id, answer, count(*)
    from analytics_events group by 1, 2, 3, 4, 5, 6
    on conflict (tree_id, version, day, kind, node_id, answer)
    do update set count = analytics_daily.count + excluded.count`);
  await client.query('analyze analytics_daily');
  const [{ events }] = (
    await client.query('select count(*)::bigint as events from analytics_events')
  ).rows;
  const [{ days }] = (await client.query('select count(*)::int as days from analytics_daily')).rows;
  await client.end();
  return { seconds: (performance.now() - began) / 1000, events: Number(events), dailyRows: days };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'troubleshooter-bench-analytics-'));
try {
  const embedded = await startServer({ DATA_DIR: dataDir });
  const pglite = await ingest(embedded.origin);
  await embedded.stop();
  console.log(
    `embedded database (PGlite): ${pglite.perSecond} events/s ingested (${pglite.stored} in ${SECONDS} s, ${pglite.failed} refused batches)`,
  );
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: not measured (no PostgreSQL server programs here)');
  } else {
    const server = await startServer({ DATABASE_URL: url });
    const postgres = await ingest(server.origin);
    console.log(
      `PostgreSQL: ${postgres.perSecond} events/s ingested (${postgres.stored} in ${SECONDS} s, ${postgres.failed} refused batches)`,
    );
    const generated = await generate(url);
    console.log(
      `PostgreSQL: ${generated.events} events in the table (${TOTAL} generated in ${generated.seconds.toFixed(1)} s), ${generated.dailyRows} rows of daily counts`,
    );
    const report = await reportTime(server.origin);
    console.log(
      `PostgreSQL: report over 13 months of ${generated.events} events: ${report.ms.toFixed(1)} ms (median of 15; ${report.walks} walks started)`,
    );
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
