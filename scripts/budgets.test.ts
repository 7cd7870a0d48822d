// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  librarySlack,
  BUDGETS,
  budgetSummary,
  createBudgetCheck,
  gzipBound,
  readLibraryBytes,
} from './budgets.mjs';

let distDir: string;
const page = (body: string) =>
  `<!doctype html><html><head><script type="module" src="/assets/app.js"></script><style>h1{color:red}</style></head><body>${body}</body></html>`;

beforeEach(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'budgets-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'assets', 'app.js'), 'console.log(1);'.repeat(100));
  await writeFile(path.join(distDir, 'embed.js'), 'void 0;');
  await writeFile(path.join(distDir, 'index.html'), page(''));
});

afterEach(async () => {
  await rm(distDir, { recursive: true, force: true });
});

test('gzip never writes more than the bound, even for bytes that do not compress', () => {
  for (const size of [0, 1, 100, 16_383, 16_384, 30_000, 65_536, 200_000]) {
    const bytes = randomBytes(size);
    for (const level of [1, 6, 9]) {
      expect(gzipSync(bytes, { level }).length).toBeLessThanOrEqual(gzipBound(size));
    }
  }
});

test('a page over the budget is named with its gzipped size; one within it passes', async () => {
  const check = createBudgetCheck({ distDir, base: '/' });
  const small = path.join(distDir, 'small', 'index.html');
  await expect(check.page(small, page('<p>fine</p>'))).resolves.toEqual([]);
  // Random text: it compresses, but not below the page budget.
  const big = path.join(distDir, 'big', 'index.html');
  const html = page(`<p>${randomBytes(40 * 1024).toString('base64')}</p>`);
  const problems = await check.page(big, html);
  expect(problems).toEqual([
    expect.stringMatching(
      /^big\/index\.html is \d+\.\d KB \(\d+ bytes\) gzipped; the budget for a page is 30\.0 KB/,
    ),
  ]);
  expect(check.stats()).toMatchObject({ pages: 2, gzipped: 1 });
});

test('each asset is measured once, and its size counts for every page that loads it', async () => {
  const check = createBudgetCheck({ distDir, base: '/', libraryBytes: {} });
  expect(check.assets()).toEqual([]);
  const jsSize = gzipSync('console.log(1);'.repeat(100), { level: 9 }).length;
  const cssSize = gzipSync('h1{color:red}', { level: 9 }).length;
  for (const name of ['a', 'b']) {
    await check.page(path.join(distDir, name, 'index.html'), page(''));
  }
  expect(check.stats().heaviest).toMatchObject({ js: jsSize, css: cssSize });
  // Changing the file now changes nothing: it was measured once.
  await writeFile(path.join(distDir, 'assets', 'app.js'), randomBytes(200 * 1024));
  await expect(check.page(path.join(distDir, 'c', 'index.html'), page(''))).resolves.toEqual([]);
});

test("the app's own code over its budget fails before any page is rendered", async () => {
  // No source map: the whole script counts as the app's own.
  await writeFile(path.join(distDir, 'assets', 'app.js'), randomBytes(BUDGETS.firstPaintAppJs));
  const check = createBudgetCheck({ distDir, base: '/', libraryBytes: {} });
  expect(check.assets()).toEqual([
    expect.stringMatching(
      /^index\.html loads 15\.\d KB \(\d+ bytes\) of the app's own JavaScript gzipped before it is interactive \(\/assets\/app\.js\); the budget is 15\.0 KB/,
    ),
  ]);
});

/** A script of two stretches, one from react-dom and one from the app, with its map. */
async function writeMappedScript(libraryCode: string, appCode: string) {
  await writeFile(path.join(distDir, 'assets', 'app.js'), `${libraryCode}\n${appCode}`);
  const map = {
    version: 3,
    sources: ['../../node_modules/react-dom/cjs/react-dom.production.js', '../../src/main.tsx'],
    names: [],
    // Line 1 from the first source, line 2 from the second.
    mappings: 'AAAA;ACAA',
  };
  await writeFile(path.join(distDir, 'assets', 'app.js.map'), JSON.stringify(map));
}

test('a library that grows beyond its recorded figure fails, named, with how to re-record', async () => {
  const library = 'library();'.repeat(500);
  await writeMappedScript(library, 'app();');
  // A line's end goes with the stretch before it.
  const bytes = gzipSync(`${library}\n`, { level: 9 }).length;
  const within = createBudgetCheck({ distDir, base: '/', libraryBytes: { 'react-dom': bytes } });
  expect(within.assets()).toEqual([]);
  expect(within.firstPaintPackages()).toEqual({
    'react-dom': bytes,
    '(app)': gzipSync('app();', { level: 9 }).length,
  });

  const grown = createBudgetCheck({
    distDir,
    base: '/',
    libraryBytes: { 'react-dom': bytes - librarySlack(bytes) - 1 },
  });
  expect(grown.assets()).toEqual([
    expect.stringMatching(
      /^index\.html loads .* of react-dom gzipped before it is interactive \(\/assets\/app\.js\), more than the .* recorded in scripts\/library-bytes\.json\. .*npm run budgets:record$/,
    ),
  ]);
});

test('a library with no recorded figure fails, named', async () => {
  await writeMappedScript('library();', 'app();');
  const check = createBudgetCheck({ distDir, base: '/', libraryBytes: {} });
  expect(check.assets()).toEqual([
    expect.stringMatching(
      /of react-dom gzipped .* no recorded figure in scripts\/library-bytes\.json/,
    ),
  ]);
});

test('every library in the first-paint script of the build has a recorded figure', () => {
  expect(Object.keys(readLibraryBytes())).toEqual(
    expect.arrayContaining(['react', 'react-dom', 'react-router', '@tanstack/react-query']),
  );
});

test('the summary merges what several workers measured', async () => {
  const checks = [0, 1].map(() => createBudgetCheck({ distDir, base: '/' }));
  const [first, second] = checks as [
    ReturnType<typeof createBudgetCheck>,
    ReturnType<typeof createBudgetCheck>,
  ];
  await first.page(path.join(distDir, 'index.html'), page(''));
  await writeFile(path.join(distDir, '404.html'), page('<p>a longer page</p>'));
  await second.page(path.join(distDir, '404.html'), page('<p>a longer page</p>'));
  expect(
    budgetSummary(
      distDir,
      checks.map((check) => check.stats()),
    )[3],
  ).toMatch(
    /^largest of 2 pages on disk: .* \(404\.html\); 0 pages were large enough to need gzipping$/,
  );
});
