// Byte budgets (sizes are deterministic, so they belong in the build, not in a benchmark):
//
//   the app's own code in the JavaScript a page loads before it is interactive
//     (entry + modulepreloads) ≤ 15 KB gz
//   each library's code in it ≤ the figure recorded for it in scripts/library-bytes.json,
//     give or take 1% (librarySlack)
//   CSS a page loads ≤ 10 KB gz
//   each HTML page ≤ 30 KB gz
//   embed.js, the loader host pages include ≤ 3 KB gz
//
// The first-paint script is split by its source map (scripts/script-bytes.mjs): the code
// that comes from a package under node_modules/ is that package's, the rest is the app's.
// The app's own code has a budget; a library's size is not ours to choose, but an upgrade
// that grows it should be noticed, so the build fails, naming the package, when it outgrows
// its recorded figure (re-record with `npm run budgets:record`). ADR 23.
//
// Measured per file, not per page: every page loads the same entry script and carries the
// same stylesheet, so each distinct asset is gzipped once and its size reused. A page itself
// is gzipped only when its size on disk does not already prove it within the budget (see
// gzipBound). The prerender checks the assets before it renders anything and each page as it
// writes it (scripts/prerender.mjs), so an over-budget site fails in seconds;
// scripts/check-budgets.mjs runs the same checks over a finished dist/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipAsync, gzipSync } from 'node:zlib';
import { inlineStyles } from '../src/prerender/inline-styles.mjs';
import { APP_CODE, scriptBytesByPackage } from './script-bytes.mjs';

export const BUDGETS = {
  firstPaintAppJs: 15 * 1024,
  css: 10 * 1024,
  page: 30 * 1024,
  embed: 3 * 1024,
};

const GZIP = { level: 9 };

/** The libraries' recorded bytes in the first-paint script, gzipped, by package. */
export const LIBRARY_BYTES_FILE = new URL('./library-bytes.json', import.meta.url);
export const RECORD_COMMAND = 'npm run build; npm run budgets:record';

/**
 * How far a library may drift from its figure before the build fails: 1% (at least 32
 * bytes). Its code is minified with the app's, in one chunk, so a change to the app alone
 * renames a few of its identifiers and moves its gzipped size by a few bytes; an upgrade or
 * a newly used part grows it by far more.
 *
 * @param {number} recorded
 */
export function librarySlack(recorded) {
  return Math.max(32, Math.ceil(recorded / 100));
}

/** @returns {Record<string, number>} */
export function readLibraryBytes(file = LIBRARY_BYTES_FILE) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).gzipBytes : {};
}
const gzip = promisify(gzipAsync);
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;

/**
 * The most bytes gzip can write for `bytes` of input, at any level: zlib's deflateBound for
 * the default window and memory level, which Node uses (deflate falls back to stored blocks,
 * 5 bytes a block, when compressing does not pay), plus the gzip header and trailer (18
 * bytes) and a margin. A page this bound puts within the budget needs no gzipping.
 *
 * @param {number} bytes
 */
export function gzipBound(bytes) {
  return bytes + (bytes >> 12) + (bytes >> 14) + (bytes >> 25) + 7 + 18 + 64;
}

/** @param {string} dir */
export function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'assets' ? [] : htmlFiles(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

/**
 * The assets a page asks for up front: module scripts, modulepreloads and stylesheets.
 *
 * @param {string} html
 */
function pageAssets(html) {
  const attr = (tag, name) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const js = [];
  const css = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module' && attr(tag, 'src'))
      js.push(attr(tag, 'src'));
    if (tag.startsWith('<link') && attr(tag, 'rel') === 'modulepreload') js.push(attr(tag, 'href'));
    if (tag.startsWith('<link') && attr(tag, 'rel') === 'stylesheet') css.push(attr(tag, 'href'));
  }
  // Stylesheets inlined by the prerender count as CSS too.
  return { js, css, inlineCss: inlineStyles(html) };
}

/**
 * Where a script's source map is: beside it while the site is being built, then in the folder
 * beside the site that keeps them for the team (scripts/prerender.mjs moves them there).
 * @param {string} distDir
 * @param {string} file
 */
export function sourceMapOf(distDir, file) {
  const kept = path.join(sourceMapsDir(distDir), path.relative(distDir, `${file}.map`));
  return [`${file}.map`, kept].find((candidate) => existsSync(candidate));
}

/** The folder beside a built site that keeps its source maps: dist/ → dist-sourcemaps/. */
export function sourceMapsDir(distDir) {
  return `${path.resolve(distDir)}-sourcemaps`;
}

/**
 * The budget checks for one built site, with the gzipped size of each distinct asset kept
 * once measured. `page` answers the problems of one page (none when within every budget).
 *
 * @param {{ distDir: string, base: string, libraryBytes?: Record<string, number> }} site
 *   libraryBytes: the recorded figures (scripts/library-bytes.json unless given)
 */
export function createBudgetCheck({ distDir, base, libraryBytes = readLibraryBytes() }) {
  /** @type {Map<string, number>} gzipped size by file, or by stylesheet text when inline */
  const sizes = new Map();
  const measured = (key, read) => {
    let size = sizes.get(key);
    if (size === undefined) {
      size = gzipSync(read(), GZIP).length;
      sizes.set(key, size);
    }
    return size;
  };
  const fileSize = (file) => measured(`file:${file}`, () => readFileSync(file));
  /** @type {Map<string, Map<string, number>>} a script's gzipped bytes by package */
  const scriptBytes = new Map();
  const packageSizes = (file) => {
    let bytes = scriptBytes.get(file);
    if (!bytes) {
      // A script without a source map (none in a Vite build) counts as the app's own.
      const map = sourceMapOf(distDir, file);
      bytes = map
        ? scriptBytesByPackage(readFileSync(file, 'utf8'), JSON.parse(readFileSync(map, 'utf8')))
        : new Map([[APP_CODE, fileSize(file)]]);
      scriptBytes.set(file, bytes);
    }
    return bytes;
  };
  // An asset's file, from its href as written in the page (absolute or relative).
  const assetFile = (href, page) => {
    const pageUrl = new URL(
      `${base}${path.relative(distDir, page).split(path.sep).join('/')}`,
      'http://site',
    );
    return path.join(distDir, new URL(href, pageUrl).pathname.slice(base.length));
  };
  const name = (file) => path.relative(distDir, file);

  let pages = 0;
  let gzipped = 0;
  let largest = { file: '', bytes: 0 };
  let heaviest = { file: '', js: 0, css: 0, jsFiles: [], cssFiles: [], packages: {} };

  /** The JavaScript and CSS budgets of a page: sizes of files already measured cost nothing. */
  const assetProblems = (file, html) => {
    const { js, css, inlineCss } = pageAssets(html);
    const jsSize = js.reduce((sum, href) => sum + fileSize(assetFile(href, file)), 0);
    /** @type {Record<string, number>} */
    const packages = {};
    for (const href of js) {
      for (const [name, bytes] of packageSizes(assetFile(href, file))) {
        packages[name] = (packages[name] ?? 0) + bytes;
      }
    }
    const cssSize =
      css.reduce((sum, href) => sum + fileSize(assetFile(href, file)), 0) +
      inlineCss.reduce((sum, text) => sum + measured(`inline:${text}`, () => text), 0);
    const cssFiles = inlineCss.length > 0 ? [...css, 'inline <style>'] : css;
    if (jsSize + cssSize > heaviest.js + heaviest.css) {
      heaviest = { file, js: jsSize, css: cssSize, jsFiles: js, cssFiles, packages };
    }
    const problems = [];
    const { [APP_CODE]: appSize = 0, ...libraries } = packages;
    if (appSize > BUDGETS.firstPaintAppJs) {
      problems.push(
        `${name(file)} loads ${kb(appSize)} of the app's own JavaScript gzipped before it is interactive (${js.join(', ')}); the budget is ${kb(BUDGETS.firstPaintAppJs)}: load what the first paint does not need on demand`,
      );
    }
    for (const [library, bytes] of Object.entries(libraries)) {
      const recorded = libraryBytes[library];
      if (recorded === undefined) {
        problems.push(
          `${name(file)} loads ${kb(bytes)} of ${library} gzipped before it is interactive (${js.join(', ')}), a library with no recorded figure in scripts/library-bytes.json. ` +
            `If it belongs in the first paint, record it: ${RECORD_COMMAND}`,
        );
      } else if (bytes > recorded + librarySlack(recorded)) {
        problems.push(
          `${name(file)} loads ${kb(bytes)} of ${library} gzipped before it is interactive (${js.join(', ')}), more than the ${kb(recorded)} recorded in scripts/library-bytes.json. ` +
            `If the upgrade (or the part of ${library} newly used) is worth it, record the new figure and commit it: ${RECORD_COMMAND}`,
        );
      }
    }
    if (cssSize > BUDGETS.css) {
      problems.push(
        `${name(file)} loads ${kb(cssSize)} of CSS gzipped (${cssFiles.join(', ')}); the budget is ${kb(BUDGETS.css)}`,
      );
    }
    return problems;
  };

  return {
    /**
     * What the site loads before any page is rendered: embed.js, and the scripts and styles
     * the page template (dist/index.html, before the prerender fills it) asks for, which
     * every prerendered page asks for too.
     */
    assets() {
      const problems = assetProblems(
        path.join(distDir, 'index.html'),
        readFileSync(path.join(distDir, 'index.html'), 'utf8'),
      );
      const embedSize = fileSize(path.join(distDir, 'embed.js'));
      if (embedSize > BUDGETS.embed) {
        problems.push(`embed.js is ${kb(embedSize)} gzipped; the budget is ${kb(BUDGETS.embed)}`);
      }
      return problems;
    },

    /**
     * Every budget of one HTML page, from its text (already in memory when the prerender
     * writes it). Gzips the page on zlib's threads, off the thread that renders.
     *
     * @param {string} file the page's path in dist/
     * @param {string} html
     */
    async page(file, html) {
      pages += 1;
      const bytes = Buffer.byteLength(html);
      if (bytes > largest.bytes) largest = { file, bytes };
      const problems = assetProblems(file, html);
      if (gzipBound(bytes) > BUDGETS.page) {
        gzipped += 1;
        const size = (await gzip(html, GZIP)).length;
        if (size > BUDGETS.page) {
          problems.push(
            `${name(file)} is ${kb(size)} gzipped; the budget for a page is ${kb(BUDGETS.page)}`,
          );
        }
      }
      return problems;
    },

    /** The heaviest page's first-paint JavaScript so far, gzipped bytes by package. */
    firstPaintPackages() {
      return heaviest.packages;
    },

    /** What was measured, to be merged with other shards' by budgetSummary. */
    stats() {
      return { pages, gzipped, largest, heaviest };
    },
  };
}

/**
 * The build log's lines for what one or more checks (one per prerender worker) measured.
 *
 * @param {string} distDir
 * @param {ReturnType<ReturnType<typeof createBudgetCheck>['stats']>[]} all
 */
export function budgetSummary(distDir, all) {
  const pages = all.reduce((sum, stats) => sum + stats.pages, 0);
  const gzipped = all.reduce((sum, stats) => sum + stats.gzipped, 0);
  const largest = all.reduce((a, b) => (b.largest.bytes > a.largest.bytes ? b : a)).largest;
  const heaviest = all.reduce((a, b) =>
    b.heaviest.js + b.heaviest.css > a.heaviest.js + a.heaviest.css ? b : a,
  ).heaviest;
  const largestSize = largest.file ? gzipSync(readFileSync(largest.file), GZIP).length : 0;
  const embedSize = gzipSync(readFileSync(path.join(distDir, 'embed.js')), GZIP).length;
  const { [APP_CODE]: appSize = 0, ...libraries } = heaviest.packages;
  const librarySizes = Object.entries(libraries)
    .sort((a, b) => b[1] - a[1])
    .map(([library, bytes]) => `${library} ${(bytes / 1024).toFixed(1)}`)
    .join(', ');
  return [
    `embed.js: ${kb(embedSize)} of ${kb(BUDGETS.embed)}`,
    `JavaScript before interactive: ${kb(heaviest.js)} (${heaviest.jsFiles.join(', ')}); ` +
      `the app's own code ${kb(appSize)} of ${kb(BUDGETS.firstPaintAppJs)}; ` +
      `libraries (KB, each within scripts/library-bytes.json): ${librarySizes}`,
    `CSS: ${kb(heaviest.css)} of ${kb(BUDGETS.css)}`,
    `largest of ${pages} pages on disk: ${kb(largestSize)} gzipped of ${kb(BUDGETS.page)} (${path.relative(distDir, largest.file)}); ` +
      `${gzipped} ${gzipped === 1 ? 'page was' : 'pages were'} large enough to need gzipping`,
  ];
}
