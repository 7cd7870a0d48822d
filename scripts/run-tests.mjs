// `npm test`: every suite, some side by side (ADR 54).
//
// 1. the unit and component tests;
// 2. the builds the browser suites test (scripts/fresh-build.mjs, a no-op when they are fresh);
// 3. at the same time, in two lanes:
//    - the browser tests in Chromium (Playwright), printed as they run;
//    - the server's tests on a throwaway PostgreSQL cluster, then the walks in Firefox and
//      WebKit, printed as a whole when each ends;
// 4. the server's tests on PGlite.
//
// The Chromium suite spends much of its time waiting on browsers and servers, so the second
// lane, which mostly waits too (on PostgreSQL, on other browsers), runs in its idle time.
// Every suite runs even when an earlier one failed, so one run reports every failure; the exit
// status is 1 if any did. Each writes its JSON report to test-results/, which
// scripts/ci-summary.mjs counts.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command; resolves with its exit status and, when `quiet`, what it printed. */
function run(label, command, args, { quiet = false } = {}) {
  const started = Date.now();
  if (!quiet) console.log(`\n-- ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: process.env,
    });
    const output = [];
    if (quiet) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    child.on('error', (error) => {
      output.push(Buffer.from(`${label}: could not start ${command}: ${error.message}\n`));
      resolve({ label, status: 1, output, seconds: 0 });
    });
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      resolve({ label, status: code ?? (signal ? 1 : 0), output, seconds });
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
  const besideChromium = (async () => {
    const lane = [];
    lane.push(
      await run('server tests on PostgreSQL', npm, ['run', '-s', 'test:server:postgres'], {
        quiet: true,
      }),
    );
    lane.push(
      await run('walks in Firefox and WebKit', npm, ['run', '-s', 'test:browsers'], {
        quiet: true,
      }),
    );
    return lane;
  })();
  console.log('\nThe server tests on PostgreSQL and the Firefox and WebKit walks run beside the');
  console.log('Chromium tests; their output follows the Chromium tests.');
  results.push(await run('browser tests in Chromium', 'npx', ['playwright', 'test']));
  for (const result of await besideChromium) {
    console.log(`\n-- ${result.label} (${result.seconds} s, beside the Chromium tests)`);
    process.stdout.write(Buffer.concat(result.output));
    results.push(result);
  }
  // Alone: PGlite runs in this process's own thread, and shares two cores badly (five times
  // slower beside the Chromium tests, ADR 54).
  results.push(await run('server tests on PGlite', npm, ['run', '-s', 'test:server:pglite']));
}

console.log('');
for (const result of results) {
  console.log(`${result.status === 0 ? 'ok    ' : 'FAILED'} ${result.label} (${result.seconds} s)`);
}
process.exit(results.every((result) => result.status === 0) ? 0 : 1);
