// One process at a time on an embedded database (server/db/data-dir-lock.ts): real processes,
// as a person would start them. Only the embedded database has a data folder, so the file
// runs in the PGlite suite alone.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, onTestFinished, test } from 'vitest';
import { startServerProcess } from '../testing/server-process';
import { createTestDataDir, TEST_DATABASE_KIND } from '../testing/test-app';
import { claimDataDir, DataDirInUseError, LOCK_FILE } from './data-dir-lock';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `node --import tsx <script> …args` on `dataDir`, as the npm scripts run them. */
function run(script: string, args: string[], dataDir: string) {
  const { VITEST: _vitest, NODE_ENV: _nodeEnv, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.skipIf(TEST_DATABASE_KIND !== 'pglite')(
  'the embedded database, one process at a time',
  () => {
    test('a second server, npm run users and npm run export are refused while a server has it open, and run once it stops', async () => {
      const dataDir = await createTestDataDir();
      const out = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-export-'));
      onTestFinished(() => rm(out, { recursive: true, force: true }));
      const server = await startServerProcess({ DATA_DIR: dataDir });
      onTestFinished(() => server.stop());
      const owner = server.child.pid;
      const refusal = `The embedded database in ${dataDir} is open in process ${owner}`;

      const second = run('server/main.ts', [], dataDir);
      expect(second.status, second.stderr).toBe(1);
      expect(second.stderr).toContain(`troubleshooter: ${refusal}`);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      const users = run('server/cli/users.ts', ['list'], dataDir);
      expect(users.status, users.stderr).toBe(1);
      expect(users.stderr).toContain(refusal);
      const exported = run('server/export/export-cli.ts', ['--out', out], dataDir);
      expect(exported.status, exported.stderr).toBe(1);
      expect(exported.stderr).toContain(`export: ${refusal}`);
      // The server is unharmed, and still the owner.
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: 'ok' });
      expect(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(`${owner}\n`);

      await server.stop();
      const afterwards = run('server/export/export-cli.ts', ['--out', out], dataDir);
      expect(afterwards.status, afterwards.stderr).toBe(0);
      expect(afterwards.stdout).toContain('export: wrote');
    }, 120_000);

    test('a claim left by a process that is gone is taken over; one by a live process is not', async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-lock-'));
      onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(path.join(dataDir, LOCK_FILE), `${gone}\n`);
      const release = await claimDataDir(dataDir);
      expect(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
      await release();
      await expect(readFile(path.join(dataDir, LOCK_FILE), 'utf8')).rejects.toThrow();

      // One with this process's own id: left by an earlier process (a container's server is
      // always process 1).
      await writeFile(path.join(dataDir, LOCK_FILE), `${process.pid}\n`);
      await (
        await claimDataDir(dataDir)
      )();

      // PID 1 (init) always runs.
      await writeFile(path.join(dataDir, LOCK_FILE), '1\n');
      await expect(claimDataDir(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
    });
  },
);
