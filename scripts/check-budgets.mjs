// Byte budgets, checked on the built dist/ (sizes are deterministic, so this belongs in the
// build, not in a benchmark). Fails naming the file and its gzipped size.
//
//   JavaScript a page loads before it is interactive (entry + modulepreloads) ≤ 110 KB gz
//   CSS a page loads ≤ 10 KB gz
//   each prerendered HTML page ≤ 30 KB gz
//   embed.js, the loader host pages include ≤ 3 KB gz
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { inlineStyles } from '../src/prerender/inline-styles.mjs';

const BUDGETS = {
  firstStepJs: 110 * 1024,
  css: 10 * 1024,
  page: 30 * 1024,
  embed: 3 * 1024,
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'assets' ? [] : htmlFiles(file);
    return name.endsWith('.html') ? [file] : [];
  });
}

/** The assets a page asks for up front: module scripts, modulepreloads and stylesheets. */
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
  const inlineCss = inlineStyles(html);
  return { js, css, inlineCss };
}

function checkBudgets(distDir, base) {
  const failures = [];
  // An asset's file, from its href as written in the page (absolute or relative).
  const assetFile = (href, page) => {
    const pageUrl = new URL(
      `${base}${path.relative(distDir, page).split(path.sep).join('/')}`,
      'http://site',
    );
    return path.join(distDir, new URL(href, pageUrl).pathname.slice(base.length));
  };
  const pages = htmlFiles(distDir);
  let largestPage = { file: '', size: 0 };
  let heaviest = { file: '', js: 0, css: 0, jsFiles: [], cssFiles: [] };

  for (const page of pages) {
    const size = gzipSize(page);
    if (size > largestPage.size) largestPage = { file: page, size };
    if (size > BUDGETS.page) {
      failures.push(
        `${path.relative(distDir, page)} is ${kb(size)} gzipped; the budget for a page is ${kb(BUDGETS.page)}`,
      );
    }
    const { js, css, inlineCss } = pageAssets(readFileSync(page, 'utf8'));
    const jsSize = js.reduce((sum, url) => sum + gzipSize(assetFile(url, page)), 0);
    const cssSize =
      css.reduce((sum, url) => sum + gzipSize(assetFile(url, page)), 0) +
      inlineCss.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    if (inlineCss.length > 0) css.push('inline <style>');
    if (jsSize + cssSize > heaviest.js + heaviest.css) {
      heaviest = { file: page, js: jsSize, css: cssSize, jsFiles: js, cssFiles: css };
    }
  }
  const where = path.relative(distDir, heaviest.file);
  if (heaviest.js > BUDGETS.firstStepJs) {
    failures.push(
      `${where} loads ${kb(heaviest.js)} of JavaScript gzipped (${heaviest.jsFiles.join(', ')}); the budget is ${kb(BUDGETS.firstStepJs)}`,
    );
  }
  if (heaviest.css > BUDGETS.css) {
    failures.push(
      `${where} loads ${kb(heaviest.css)} of CSS gzipped (${heaviest.cssFiles.join(', ')}); the budget is ${kb(BUDGETS.css)}`,
    );
  }
  const embedSize = gzipSize(path.join(distDir, 'embed.js'));
  if (embedSize > BUDGETS.embed) {
    failures.push(`embed.js is ${kb(embedSize)} gzipped; the budget is ${kb(BUDGETS.embed)}`);
  }
  return {
    failures,
    summary: [
      `embed.js: ${kb(embedSize)} of ${kb(BUDGETS.embed)}`,
      `JavaScript before interactive: ${kb(heaviest.js)} of ${kb(BUDGETS.firstStepJs)} (${heaviest.jsFiles.join(', ')})`,
      `CSS: ${kb(heaviest.css)} of ${kb(BUDGETS.css)}`,
      `largest of ${pages.length} pages: ${kb(largestPage.size)} of ${kb(BUDGETS.page)} (${path.relative(distDir, largestPage.file)})`,
    ],
  };
}

const { failures, summary } = checkBudgets(
  process.env.DIST_DIR ?? 'dist',
  process.env.BASE_PATH ?? '/',
);
for (const line of summary) console.log(`budget: ${line}`);
if (failures.length > 0) {
  for (const failure of failures) console.error(`over budget: ${failure}`);
  process.exit(1);
}
