// `npm test`: every suite, one after another (ADR 54), but the two server suites and the walks
// side by side (ADRs 57 and 58).
//
// 1. the unit and component tests;
// 2. the builds the browser suites test (scripts/fresh-build.mjs, a no-op when they are fresh);
// 3. the browser tests in Chromium (Playwright);
// 4. side by side: the server's tests on PGlite and on a throwaway PostgreSQL cluster, and the
//    walks in Firefox and WebKit.
//
// Every suite runs even when an earlier one failed, so one run reports every failure; the exit
// status is 1 if any did. Each writes its JSON report to test-results/, which
// scripts/ci-summary.mjs counts.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs a command; resolves with its exit status. Its output is printed as it comes, or, with
 * `quiet`, kept and printed whole when it ends (for a suite run beside another).
 */
function run(label, command, args, { quiet = false } = {}) {
  const started = Date.now();
  if (!quiet) console.log(`\n-- ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: process.env,
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      console.error(`${label}: could not start ${command}: ${error.message}`);
      resolve({ label, status: 1, seconds: 0 });
    });
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (quiet) {
        console.log(`\n-- ${label} (printed when it ended)`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ label, status: code ?? (signal ? 1 : 0), seconds });
    });
  });
}

const results = [];

results.push(await run('unit and component tests', npm, ['run', '-s', 'test:unit']));
const prepared = await run('builds for the browser tests', 'sh', [
  '-c',
  'node scripts/ensure-chromium.mjs && node scripts/fresh-build.mjs',
]);
results.push(prepared);

if (prepared.status === 0) {
  results.push(await run('browser tests in Chromium', 'npx', ['playwright', 'test']));
  // Side by side: the PostgreSQL suite spends much of its time waiting on the database server
  // (ADR 57) and the walks on their browsers' drivers; the three together took 81–92 s where
  // the server suites and then the walks took 98 (ADR 58).
  results.push(
    ...(await Promise.all([
      run('server tests on PGlite', npm, ['run', '-s', 'test:server:pglite'], { quiet: true }),
      run('server tests on PostgreSQL', npm, ['run', '-s', 'test:server:postgres'], {
        quiet: true,
      }),
      run('walks in Firefox and WebKit', npm, ['run', '-s', 'test:browsers'], { quiet: true }),
    ])),
  );
}

console.log('');
for (const result of results) {
  console.log(`${result.status === 0 ? 'ok    ' : 'FAILED'} ${result.label} (${result.seconds} s)`);
}
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
