// Checks the byte budgets (scripts/budgets.mjs) over a finished dist/, naming each file over
// its budget. `npm run build` needs no separate run: the prerender checks the assets before
// it renders and each page as it writes it. This is for a dist/ built or changed otherwise.
//
//   DIST_DIR=dist BASE_PATH=/ node scripts/check-budgets.mjs
import { readFileSync } from 'node:fs';
import { budgetSummary, createBudgetCheck, htmlFiles } from './budgets.mjs';

const distDir = process.env.DIST_DIR ?? 'dist';
const check = createBudgetCheck({ distDir, base: process.env.BASE_PATH ?? '/' });
const failures = check.assets();
for (const file of htmlFiles(distDir)) {
  failures.push(...(await check.page(file, readFileSync(file, 'utf8'))));
}
for (const line of budgetSummary(distDir, [check.stats()])) console.log(`budget: ${line}`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`over budget: ${failure}`);
  process.exit(1);
}
