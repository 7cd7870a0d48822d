import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createStaticServer, strictCsp } from '../scripts/serve-static.mjs';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

/** Writes files (name to text) into a new temporary folder and returns it. */
export async function folderWith(files: ReadonlyMap<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'editor-downloads-'));
  for (const [name, text] of files) await writeFile(path.join(dir, name), text);
  return dir;
}

/** `npm run check:trees -- <folder>`: its output, and whether it passed. */
export async function checkTrees(folder: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run('npm', ['run', '-s', 'check:trees', '--', folder], { cwd: ROOT });
    return { ok: true, output: stdout };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

const vite = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });

/**
 * The site `npm run build` makes with these files added to public/trees, built into a
 * temporary folder (the repository's dist/ and dist-ssr/ are not touched): the same client,
 * embed and server builds, the files put into the output's trees/ (the client build copies
 * public/ and reads no tree), then scripts/prerender.mjs, which reads and checks every tree,
 * writes every step page and checks the budgets, as in the build. The site is `dir`, in a
 * temporary folder of its own (its parent), which the caller removes.
 */
export async function siteWith(files: ReadonlyMap<string, string>): Promise<{
  dir: string;
  output: string;
}> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'editor-site-'));
  const dir = path.join(tmp, 'site');
  // Inside the repository (dist-*/ is ignored), where the server build finds node_modules.
  const ssr = await mkdtemp(path.join(ROOT, 'dist-ssr-'));
  await Promise.all([
    // The embed build adds to the client's output folder, which the client build empties.
    vite([], { DIST_DIR: dir }).then(() => vite(['-c', 'vite.embed.config.ts'], { DIST_DIR: dir })),
    vite(['--ssr', 'src/prerender/prerender-site.ts', '--outDir', ssr]),
  ]);
  await mkdir(path.join(dir, 'trees'), { recursive: true });
  for (const [name, text] of files) await writeFile(path.join(dir, 'trees', name), text);
  const { stdout, stderr } = await run(process.execPath, ['scripts/prerender.mjs'], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: dir, SSR_DIR: ssr },
  }).finally(() => rm(ssr, { recursive: true, force: true }));
  return { dir, output: `${stdout}${stderr}` };
}

/** Serves a built site as the browser tests serve dist/ (strict CSP), on a free port. */
export async function serveSite(dir: string): Promise<{ origin: string; close: () => void }> {
  const server = createStaticServer({
    root: dir,
    headers: { 'content-security-policy': strictCsp(dir) },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
