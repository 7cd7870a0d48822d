import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { styleHashes } from './inline-styles.mjs';
import { pageStateElement, stepExcerptQueryKey } from '../data/prerendered-page';
import { paths } from '../lib/paths';
import { allStepTrails } from '../engine/tree-paths';
import type { Tree } from '../engine/tree-schema';
import type { TreeProblem } from '../engine/graph-checks';
import {
  checkIndexEntry,
  validateTreeFileText,
  validateTreeIndexText,
} from '../engine/validate-tree';
import { buildTreeSearch } from '../engine/tree-search';
import { catalogPages, LIST_PAGE_SIZE } from '../engine/catalog-pages';
import { catalogQueryOptions } from '../data/catalog-query';
import { catalogPageQueryOptions } from '../data/catalog-page-query';
import { treeQueryOptions } from '../data/tree-query';
import { cutStepExcerpt } from '../engine/step-excerpt';
import { LIST_LIMITS, TEXT_LIMITS, TREE_LIMITS } from '../engine/tree-limits';
import { renderPage, type RenderedPage } from './render-page';
import { PART_BYTES, planOutline } from '../features/map/map-outline';

/**
 * Above this many steps a tree is not prerendered beyond its start page. Pages grow with
 * their trail, not with the tree (engine/step-excerpt.ts), so what the limit bounds is the
 * count: about 20 KB on disk a page, so 400 MB and some 35 s of build for a tree at the
 * limit (docs/performance.md). Beyond, steps are rendered by the browser (steps.html).
 */
const DEFAULT_STEP_LIMIT = 20_000;

/**
 * The page a host serves for the steps of such a tree (a rewrite rule, docs/deployment.md).
 * Answer slugs have no dot, so no step's address can be this file's.
 */
export const TREE_FALLBACK_PAGE = 'steps.html';

/** The rulebook's limits, for `npm run bench:scale`, which builds the largest trees they allow. */
export const RULEBOOK_LIMITS = { ...TREE_LIMITS, text: TEXT_LIMITS, lists: LIST_LIMITS };
/** The base path this server build was made for (the server checks it before a publish). */
export const SITE_BASE: string = import.meta.env.BASE_URL;

export type PrerenderReport = { pages: number; fallbacks: string[]; styleHashes: string[] };

function freshClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
}

/** Stops the build, naming the file and every problem in it (`$.trees[0].title: …`). */
function fail(file: string, problems: readonly TreeProblem[]): never {
  throw new Error(
    `prerender: ${file} ${problems.length === 1 ? 'has a problem' : `has ${problems.length} problems`}:\n` +
      problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n'),
  );
}

/**
 * Reads and checks every tree the site serves, by the rules the app and check:trees
 * use: the trees the index lists, each entry against its tree, and the archived
 * versions (trees/<id>.v<N>.json) that old links are read with. A site that would show
 * a problem to a visitor is not built.
 */
export async function readTrees(treesDir: string) {
  const indexFile = 'trees/index.json';
  const index = validateTreeIndexText(await readFile(path.join(treesDir, 'index.json'), 'utf8'));
  if (!index.ok) fail(indexFile, index.problems);

  const trees: Tree[] = [];
  const entryProblems: TreeProblem[] = [];
  for (const [position, entry] of index.value.trees.entries()) {
    const file = `trees/${entry.id}.json`;
    const text = await readFile(path.join(treesDir, `${entry.id}.json`), 'utf8');
    // Refused here, before a page is rendered: an over-limit tree named with its problems.
    const result = validateTreeFileText(file, text);
    if (!result.ok) fail(file, result.problems);
    entryProblems.push(...checkIndexEntry(entry, position, result.value));
    trees.push(result.value);
  }
  if (entryProblems.length > 0) fail(indexFile, entryProblems);

  for (const name of (await readdir(treesDir)).filter((name) => /\.v\d+\.json$/.test(name))) {
    const text = await readFile(path.join(treesDir, name), 'utf8');
    const result = validateTreeFileText(`trees/${name}`, text);
    if (!result.ok) fail(`trees/${name}`, result.problems);
  }
  return { index: index.value, trees };
}

/**
 * Replaces the stylesheet links of the built index.html with the stylesheets themselves:
 * a render-blocking request would cost a round trip before the first paint (about 100 ms
 * on a VPN), and the CSS is under 2 KB gzipped. The CSP allows exactly this style by hash
 * (docs/decisions/0006-prerendered-steps.md).
 */
async function inlineStylesheets(template: string, distDir: string): Promise<string> {
  const links = [...template.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)];
  let html = template;
  for (const [tag, href = ''] of links) {
    const css = await readFile(
      path.join(distDir, href.slice(import.meta.env.BASE_URL.length)),
      'utf8',
    );
    // Vite writes url() paths relative to the site root, so they stay valid inline.
    html = html.replace(tag, () => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
  }
  return html;
}

/**
 * Writes (and checks) pages while the next ones render: writing waits on the disk and the
 * budget check on zlib's threads, neither on the render, so the second core does that work.
 * At most `limit` pages are in flight, which keeps memory flat; the first failure stops the
 * prerender at the next page.
 */
function createWriteQueue(limit: number) {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const rethrow = () => {
    if (failure) throw failure.error;
  };
  return {
    async add(task: Promise<void>): Promise<void> {
      const tracked: Promise<void> = task.then(
        () => void pending.delete(tracked),
        (error: unknown) => {
          failure ??= { error };
          pending.delete(tracked);
        },
      );
      pending.add(tracked);
      if (pending.size >= limit) await Promise.race(pending);
      rethrow();
    },
    async drain(): Promise<void> {
      await Promise.all(pending);
      rethrow();
    },
  };
}

/** Puts the rendered app into the built index.html: markup, title and (optionally) state. */
function fillTemplate(template: string, page: RenderedPage, withState: boolean): string {
  const state = withState ? pageStateElement(page.state) : '';
  const title = page.title ?? 'Troubleshooter';
  return template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace('<div id="root"></div>', () => `<div id="root">${page.html}</div>${state}`);
}

/**
 * Writes a static HTML page for every step URL of every shipped tree, the catalog at
 * the root, and 404.html (the not-found page, which the client re-renders for the
 * URL actually asked for, e.g. a broken link). A step page carries only what its step
 * reads of the tree, so it hydrates with no request and grows with its trail, not with
 * the tree; the tree file follows in the background.
 */
export async function prerenderSite({
  distDir,
  stepLimit = DEFAULT_STEP_LIMIT,
  listPageSize = LIST_PAGE_SIZE,
  log = console.log,
  onPage,
  shard = { index: 0, count: 1 },
  template,
  only,
}: {
  distDir: string;
  /**
   * A publish from the server (server/publish/): render only these trees' pages, the list
   * and the search file, into a folder that has every other file already.
   */
  only?: ReadonlySet<string>;
  stepLimit?: number;
  /** Entries on each page of the list of troubleshooters (ADR 19). */
  listPageSize?: number;
  log?: (message: string) => void;
  /**
   * Which pages to write when several workers share the prerender: the `index`-th of every
   * `count`, in the order below, so each gets its share of large and small trees alike.
   */
  shard?: { index: number; count: number };
  /** dist/index.html as built, when another worker may already have written the list over it. */
  template?: string;
  /** Called with each page's file and text as it is written (the byte budgets); throwing stops the prerender. */
  onPage?: (file: string, html: string) => Promise<void> | void;
}): Promise<PrerenderReport> {
  const base = import.meta.env.BASE_URL;
  if (!Number.isInteger(listPageSize) || listPageSize < 1) {
    throw new Error(`prerender: a page of the list cannot hold ${listPageSize} entries`);
  }
  // Every file is checked before any page is written: a site with a bad tree is not built.
  const { index, trees } = await readTrees(path.join(distDir, 'trees'));
  const shell = await inlineStylesheets(
    template ?? (await readFile(path.join(distDir, 'index.html'), 'utf8')),
    distDir,
  );
  if (!shell.includes('<div id="root"></div>'))
    throw new Error('dist/index.html has no empty #root');

  const queue = createWriteQueue(32);
  const writeFileChecked = async (file: string, html: string) => {
    if (/<script(?![^>]*(\bsrc=|type="application\/json"))[^>]*>/.test(html)) {
      throw new Error(
        `prerender: ${path.relative(distDir, file)} has an inline script, which the CSP would block`,
      );
    }
    await Promise.all([
      mkdir(path.dirname(file), { recursive: true }).then(() => writeFile(file, html)),
      onPage?.(file, html),
    ]);
  };
  const writePage = (urlPath: string, html: string) =>
    queue.add(writeFileChecked(path.join(distDir, urlPath, 'index.html'), html));
  const toUrl = (href: string) => `${base}${href.slice(1)}`;
  let position = -1;
  const isMine = () => {
    position += 1;
    return position % shard.count === shard.index;
  };
  let pages = 0;

  // 404.html first, from the untouched shell; no state, so the client renders afresh for
  // the address it is served for.
  if (isMine()) {
    if (!only) {
      const notFound = await renderPage(toUrl(paths.unmatched.path), freshClient());
      await queue.add(
        writeFileChecked(path.join(distDir, '404.html'), fillTemplate(shell, notFound, false)),
      );
      pages += 1;
    }
    // The list's filter searches the trees through this one file, a search index written
    // from the trees just checked, so it says what the pages say (ADR 41).
    const search = buildTreeSearch(index.trees, trees);
    await writeFile(path.join(distDir, 'trees', 'search.json'), JSON.stringify(search));
  }

  // The list of troubleshooters, a page at a time (ADR 19): each page, as HTML and as
  // trees/list/<n>.json for the app's navigations, carries its own entries and the count,
  // never the whole list, so it stays within the page budget however many trees there are.
  const listPages = catalogPages(index.trees, listPageSize);
  if (isMine()) {
    await mkdir(path.join(distDir, 'trees', 'list'), { recursive: true });
    for (const listPage of listPages) {
      await writeFile(
        path.join(distDir, 'trees', 'list', `${listPage.page}.json`),
        JSON.stringify(listPage),
      );
    }
  }
  for (const listPage of listPages) {
    if (!isMine()) continue;
    const client = freshClient();
    client.setQueryData(catalogPageQueryOptions(listPage.page).queryKey, listPage);
    const href = paths.list.getHref(listPage.page);
    await writePage(href, fillTemplate(shell, await renderPage(toUrl(href), client), true));
    pages += 1;
  }
  const fallbacks: string[] = [];

  // The editor's pages: real files, so that a web server answers them with 200, not its
  // not-found page. They say what the editor needs; the browser renders it afresh (no
  // page state, nothing to hydrate: a draft is read from this browser's storage).
  const editorClient = freshClient();
  editorClient.setQueryData(catalogQueryOptions().queryKey, index);
  for (const tree of trees) editorClient.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
  const rendered = only ? trees.filter((tree) => only.has(tree.id)) : trees;
  for (const href of [
    paths.edit.getHref(),
    ...rendered.map((tree) => paths.edit.getHref(tree.id)),
  ]) {
    // Shared between workers like every other page, so each is written once.
    if (!isMine()) continue;
    await writePage(href, fillTemplate(shell, await renderPage(toUrl(href), editorClient), false));
    pages += 1;
  }

  for (const tree of rendered) {
    let trails = allStepTrails(tree, stepLimit);
    if (!trails) {
      fallbacks.push(tree.id);
      log(
        `prerender: ${tree.id} has more than ${stepLimit} steps; only its start page is prerendered, ` +
          `other steps are rendered in the browser from ${tree.id}/${TREE_FALLBACK_PAGE} ` +
          '(status 200 with the rewrite rule in docs/deployment.md) or else 404.html',
      );
      trails = [[]];
      if (isMine()) {
        // What the host serves for the tree's other steps: the not-found page's words, true
        // for any of them ("a step that your browser works out itself"), with the tree, so
        // that the script shows the step at once instead of first fetching the tree.
        // A tree that would make the page larger than a part of a map's list (ADR 24) is
        // fetched by the page instead, one round trip later: no page grows with its tree.
        const client = freshClient();
        if (JSON.stringify(tree).length <= PART_BYTES) {
          client.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
        }
        const page = await renderPage(toUrl(paths.unmatched.path), client);
        const treeUrl = toUrl(paths.step.getHref(tree.id, []));
        const state = { ...page.state, url: treeUrl, fallback: true as const };
        await queue.add(
          writeFileChecked(
            path.join(distDir, tree.id, TREE_FALLBACK_PAGE),
            fillTemplate(shell, { ...page, state }, true),
          ),
        );
        pages += 1;
      }
    }
    if (isMine()) {
      const mapClient = freshClient();
      mapClient.setQueryData(treeQueryOptions(tree.id).queryKey, tree);
      // A large map's list comes in parts, a page each: the first on the map's own page
      // (ADR 24), so that no page grows with the tree.
      const parts = planOutline(tree).parts.length;
      for (let part = 1; part <= parts; part += 1) {
        const mapHref = paths.mapPart.getHref(tree.id, part);
        const page = await renderPage(toUrl(mapHref), mapClient);
        // Drawn from the tree file, which its loader fetches before the page hydrates (and
        // which a visitor coming from a step has already): the page stays its step's size.
        const { cache: _cache, ...state } = page.state;
        await writePage(mapHref, fillTemplate(shell, { ...page, state }, true));
        pages += 1;
      }
    }

    for (const trail of trails) {
      if (!isMine()) continue;
      const href = paths.step.getHref(tree.id, trail);
      // Rendered from what the page carries, its excerpt of the tree, so that the browser
      // hydrates the very markup it would render (engine/step-excerpt.ts).
      const client = freshClient();
      client.setQueryData(stepExcerptQueryKey(tree.id, trail), cutStepExcerpt(tree, trail));
      const page = await renderPage(toUrl(href), client, tree.version);
      if (page.failed) throw new Error(`prerender: ${href} rendered an error page`);
      await writePage(href, fillTemplate(shell, page, true));
      pages += 1;
    }
  }
  await queue.drain();
  log(`prerender: wrote ${pages} pages`);
  const hashes = styleHashes(shell);
  if (hashes.length > 0) {
    log(
      `prerender: the inlined CSS needs "style-src 'self' ${hashes.join(' ')}" in a Content-Security-Policy`,
    );
  }
  return { pages, fallbacks, styleHashes: hashes };
}
