import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
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

/**
 * `npm run check:trees -- <folder>`, with the tool scripts/fresh-build.mjs built before the
 * tests (dist-cli/) rather than building it again: its output, and whether it passed.
 */
export async function checkTrees(folder: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run(process.execPath, ['dist-cli/check-trees-cli.js', folder], {
      cwd: ROOT,
    });
    return { ok: true, output: stdout };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
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
