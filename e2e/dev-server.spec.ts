import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { answerLink, expect, heading, openCatalog, test } from './fixtures';

// `npm run dev` (Vite's dev server, vite.config.ts), started here on a free port and stopped
// after: the list, its search and a step must work there as they do in the build (issue 28:
// the list logged 404s for the files the build writes, and the search found nothing).
const ROOT = path.resolve(import.meta.dirname, '..');
const TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';

type DevServer = { url: string; stop(): Promise<void> };

/**
 * `vite` as `npm run dev` runs it, on a port the system picks, without colours (NO_COLOR) so
 * that the address it prints can be read; resolves with that address.
 */
function startDevServer(): Promise<DevServer> {
  const env = { ...process.env };
  delete env.BASE_PATH;
  delete env.FORCE_COLOR;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--port',
      '0',
      '--strictPort',
      '--host',
      '127.0.0.1',
      '--clearScreen',
      'false',
    ],
    {
      cwd: ROOT,
      env: { ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (!url) return;
      child.stdout?.off('data', onData);
      resolve({
        url,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await ended;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`vite ended (${code ?? signal}) before serving:\n${output}`)),
    );
  });
}

let dev: DevServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dev = await startDevServer();
});

test.afterAll(async () => {
  await dev?.stop();
});

test('under npm run dev the list loads without a 404, its search finds what people type, and a step opens', async ({
  page,
}) => {
  // The dev server compiles each module on its first request: slow on a busy machine.
  test.setTimeout(180_000);
  const url = dev?.url ?? '';
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  await openCatalog(page, url);
  const box = page.getByRole('searchbox', { name: 'Filter troubleshooters' });
  const first = page.getByRole('main').getByRole('heading', { level: 2 }).first();
  const status = page.getByRole('status').filter({ hasText: 'shown' });
  // A word in no troubleshooter lists none: the filter does filter.
  await box.fill('zebra');
  await expect(status).toHaveText(/^0 of \d+ shown$/, { timeout: 30_000 });
  // A word only inside the tree's steps (found through trees/search.json), a typo, the article.
  for (const query of ['ntencap', 'upgarde', 'Q164887']) {
    await box.fill(query);
    await expect(status).toHaveText(/^1 of \d+ shown$/, { timeout: 30_000 });
    await expect(first).toHaveText(TITLE);
  }
  // The files the build writes, made by the dev server from public/trees (vite.config.ts).
  expect(requested).toContain('/trees/list/1.json');
  expect(requested).toContain('/trees/search.json');
  expect(failed).toEqual([]);

  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(heading(page)).toHaveText(
    'Is the client managed by Systems Management Server 1.2?',
    { timeout: 30_000 },
  );
  await answerLink(page, 'Yes, SMS 1.2').click();
  await expect(heading(page)).toHaveText(
    'Is the job a Windows NT upgrade that restarts the client?',
    { timeout: 30_000 },
  );
  await expect(page).toHaveURL(`${url}q164887/sms-1-2?v=2`);
  expect(failed).toEqual([]);
});
