// A real server process (`node --import tsx server/main.ts`), for the tests that need one:
// two processes on one database, a SIGKILL and a restart, and the browser tests against the
// real server (e2e/server-fixture.ts, the one module of e2e/ that may import this).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** Sends a signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * Starts the server with `env` added (DATA_DIR or DATABASE_URL) on a free port, and resolves
 * once it prints the address it serves.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...withoutTestRunner(process.env),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /troubleshooter: serving (http:\/\/\S+?)\/? from/.exec(output);
      if (!match?.[1]) return;
      child.stdout?.off('data', onData);
      resolve({
        url: match[1],
        child,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await ended;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before serving:\n${output}`)),
    );
  });
}

function withoutTestRunner(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'NODE_ENV' && !entry[0].startsWith('VITEST'),
    ),
  );
}
