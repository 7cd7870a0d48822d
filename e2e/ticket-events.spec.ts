import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PGlite } from '@electric-sql/pglite';
import { ANSWERS_TO_DIAGNOSIS, answerLink, expect, openInteractive, test } from './fixtures';

/**
 * A walk opened with `?ticket=INC0012345&client=WS-0042` against the real server (`npm start`
 * on a fresh embedded database): its walk events carry the ticket and client, and the server
 * stores them with each event (docs/tickets.md, docs/privacy.md). The stored rows are read
 * from the database itself once the server has stopped.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

let server: ChildProcess | undefined;
let origin = '';
let dataDir = '';

async function stopServer() {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), 'troubleshooter-ticket-events-'));
  const started = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server = started;
  origin = await new Promise<string>((resolve, reject) => {
    started.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
    if (!started.stdout) return reject(new Error('no output from the server'));
    createInterface({ input: started.stdout }).on('line', (line) => {
      const found = /serving (http:\/\/[^/]+)\//.exec(line)?.[1];
      if (found) resolve(found);
    });
  });
});

test.afterAll(async () => {
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a walk with ?ticket= and ?client= stores both with its events', async ({ page }) => {
  test.setTimeout(180_000);
  await openInteractive(page, `${origin}/q164887?ticket=INC0012345&client=WS-0042`);
  for (const answer of ANSWERS_TO_DIAGNOSIS) await answerLink(page, answer).click();
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await expect(page.getByRole('button', { name: 'No', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The page going away sends what is waiting (event-sender.ts listens for pagehide).
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/events'));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const response = await answered;
  expect(response.status()).toBe(200);
  const sent = (await response.json()) as { stored: number };
  expect(sent.stored).toBeGreaterThan(0);

  // The stored rows, read from the embedded database once the server has let go of it.
  await stopServer();
  const db = await PGlite.create(dataDir);
  try {
    const { rows } = await db.query<{ kind: string; ticket: string | null; client: string | null }>(
      'select kind, ticket, client from analytics_events order by id',
    );
    expect(rows.length).toBe(sent.stored);
    expect(rows.map((row) => row.kind)).toEqual(expect.arrayContaining(['outcome', 'unsolved']));
    for (const row of rows) {
      expect(row).toMatchObject({ ticket: 'INC0012345', client: 'WS-0042' });
    }
  } finally {
    await db.close();
  }
});
