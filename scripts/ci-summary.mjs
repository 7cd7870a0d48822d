// Prints the `N passed, N failed` line that ends .ci/run, from the test runners'
// JSON reports in test-results/. A missing report counts as one failure: a runner
// that did not report did not pass.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  { file: 'test-results/unit.json', read: (r) => [r.numPassedTests, r.numFailedTests] },
  // The server's tests, on the embedded database and on a throwaway PostgreSQL server.
  { file: 'test-results/server-pglite.json', read: (r) => [r.numPassedTests, r.numFailedTests] },
  { file: 'test-results/server-postgres.json', read: (r) => [r.numPassedTests, r.numFailedTests] },
  {
    file: 'test-results/e2e.json',
    read: (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected],
  },
  // The walks in Firefox and WebKit (e2e-browsers/run.mjs): one entry per check and browser.
  { file: 'test-results/browsers.json', read: (r) => [r.passed, r.failed] },
];

let passed = 0;
let failed = 0;
for (const report of reports) {
  if (!existsSync(report.file)) {
    console.error(`missing test report ${report.file}`);
    failed += 1;
    continue;
  }
  const [p, f] = report.read(JSON.parse(readFileSync(report.file, 'utf8')));
  passed += p;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
