// One process at a time on an embedded database: PGlite lets a second process open a data
// folder another has open, and the two then damage it. Its own postmaster.pid cannot tell a
// live owner from a killed one (PGlite writes -42 as the pid), so each process that opens the
// folder claims it with a file of ours holding its process id, created exclusively; a file
// left by a process that is gone is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'troubleshooter.pid';

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is open in process ${pid} (a server, or npm run users or export): ` +
        'stop it first. With the embedded database, one process at a time.',
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims `dataDir` for this process; resolves with the release. */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    // This process's own id: left by an earlier process that had it, as in a container, whose
    // server is always process 1.
    const other = Number.isInteger(pid) && pid > 0 && pid !== process.pid;
    if (other && isRunning(pid)) throw new DataDirInUseError(dataDir, pid);
    // Left by a process that was killed: take it over.
    await rm(file, { force: true });
  }
  throw new Error(`${file}: could not be claimed`);
}
