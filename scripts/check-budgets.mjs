// Checks the byte budgets (scripts/budgets.mjs) over a finished dist/, naming each file over
// its budget. `npm run build` needs no separate run: the prerender checks the assets before
// it renders and each page as it writes it. This is for a dist/ built or changed otherwise.
//
//   DIST_DIR=dist BASE_PATH=/ node scripts/check-budgets.mjs
//
// `--record` (npm run budgets:record) writes the libraries' bytes in the first-paint script
// of the build in $DIST_DIR to scripts/library-bytes.json instead: after an upgrade that
// grew one, once it is judged worth its bytes. It needs only the client build (`vite build`),
// so it works on a build the budget stopped.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  budgetSummary,
  createBudgetCheck,
  htmlFiles,
  LIBRARY_BYTES_FILE,
  RECORD_COMMAND,
} from './budgets.mjs';
import { APP_CODE } from './script-bytes.mjs';

const { values: options } = parseArgs({ options: { record: { type: 'boolean', default: false } } });
const distDir = process.env.DIST_DIR ?? 'dist';
const base = process.env.BASE_PATH ?? '/';

if (options.record) {
  // The page template asks for what every page asks for before it is interactive.
  const check = createBudgetCheck({ distDir, base, libraryBytes: {} });
  await check.page(
    path.join(distDir, 'index.html'),
    readFileSync(path.join(distDir, 'index.html'), 'utf8'),
  );
  const { [APP_CODE]: _app, ...libraries } = check.firstPaintPackages();
  const gzipBytes = Object.fromEntries(
    Object.entries(libraries).sort(([a], [b]) => a.localeCompare(b)),
  );
  const record = {
    about:
      "Gzipped bytes of each library's code in the JavaScript a page loads before it is interactive, " +
      `as scripts/script-bytes.mjs splits it by the source map. The build fails when one grows beyond its figure; re-record with: ${RECORD_COMMAND}`,
    gzipBytes,
  };
  writeFileSync(LIBRARY_BYTES_FILE, `${JSON.stringify(record, null, 2)}\n`);
  for (const [library, bytes] of Object.entries(gzipBytes))
    console.log(`recorded: ${library} ${bytes} bytes`);
} else {
  const check = createBudgetCheck({ distDir, base });
  const failures = check.assets();
  for (const file of htmlFiles(distDir)) {
    failures.push(...(await check.page(file, readFileSync(file, 'utf8'))));
  }
  for (const line of budgetSummary(distDir, [check.stats()])) console.log(`budget: ${line}`);
  if (failures.length > 0) {
    for (const failure of failures) console.error(`over budget: ${failure}`);
    process.exit(1);
  }
}
