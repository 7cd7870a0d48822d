/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import type * as CatalogPages from './src/engine/catalog-pages';
import type { Tree, TreeIndex } from './src/engine/tree-schema';
import type * as TreeSearch from './src/engine/tree-search';

/**
 * `npm run dev` serves what the build writes beside public/trees (the pages of the list and
 * the search index, src/prerender/prerender-site.ts), made from public/trees on each
 * request, so the list and its filter behave as on the built site (ADR 41).
 */
function filesTheBuildWrites(): Plugin {
  const trees = path.resolve('public', 'trees');
  const readJson = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(path.join(trees, name), 'utf8'));
  return {
    name: 'files-the-build-writes',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://dev').pathname.slice(base.length - 1);
        const listPage = /^\/trees\/list\/(\d+)\.json$/.exec(pathname)?.[1];
        if (pathname !== '/trees/search.json' && !listPage) return next();
        try {
          // The engine's own code, loaded through Vite as the app loads it.
          const { catalogPage } = (await server.ssrLoadModule(
            '/src/engine/catalog-pages.ts',
          )) as typeof CatalogPages;
          const { buildTreeSearch } = (await server.ssrLoadModule(
            '/src/engine/tree-search.ts',
          )) as typeof TreeSearch;
          const index = (await readJson('index.json')) as TreeIndex;
          let body: unknown;
          if (listPage) {
            body = catalogPage(index.trees, Number(listPage));
          } else {
            const files = await Promise.all(index.trees.map(({ id }) => readJson(`${id}.json`)));
            body = buildTreeSearch(index.trees, files as Tree[]);
          }
          if (!body) {
            response.statusCode = 404;
            return response.end('Not found');
          }
          response.setHeader('content-type', 'application/json; charset=utf-8');
          response.end(JSON.stringify(body));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

// BASE_PATH deploys the app under a sub-path, e.g. BASE_PATH=/helpdesk/troubleshooter/.
const base = process.env.BASE_PATH ?? '/';

/**
 * Fails the build when a module that the app imports on demand (with `import()`) lands in
 * the first-paint chunk, naming it and what imports it statically: code splitting follows
 * from the module graph, and this keeps it honest where a static import slips in.
 */
function onDemandStaysOnDemand(): Plugin {
  return {
    name: 'on-demand-stays-on-demand',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.isEntry) continue;
        for (const id of Object.keys(output.modules)) {
          const info = this.getModuleInfo(id);
          if (!info || info.dynamicImporters.length === 0) continue;
          const name = (file: string) => path.relative(process.cwd(), file);
          this.error(
            `${name(id)} is imported on demand (by ${info.dynamicImporters.map(name).join(', ')}) ` +
              `but is in the first-paint chunk ${output.fileName}, because ` +
              `${info.importers.map(name).join(', ')} import${info.importers.length === 1 ? 's' : ''} it statically.`,
          );
        }
      }
    },
  };
}

/**
 * Marks the entry script fetchpriority="low": the page is prerendered and readable without
 * it, so it must not compete with the page it follows (Chromium may hold a low-priority
 * request back while <head> is parsed). Vite writes the tag itself (in <head>), so it is
 * changed here rather than in index.html; a tag this cannot find fails the build.
 * docs/decisions/0023-budgets-preloading-script-priority.md
 */
function entryScriptAfterThePage(): Plugin {
  const entry = /<script type="module" crossorigin src=/;
  return {
    name: 'entry-script-after-the-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!entry.test(html)) throw new Error(`index.html: no entry script like ${entry.source}`);
        return html.replace(entry, (tag) =>
          tag.replace('<script ', '<script fetchpriority="low" '),
        );
      },
    },
  };
}

const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * V8's explicit compile hint on the entry script's first line: Chromium (136 and later)
 * then compiles all of the entry's functions while the file downloads, on a background
 * thread, instead of on the main thread the first time each one runs. Nearly all of the
 * entry runs by the first answer (hydration, then the router's navigation and React's update
 * of the page), and compiling it on the spot was about a fifth of that click's work. Other
 * engines see a comment. The hint comes in as the entry's `postBanner` (below), so the
 * file's hash covers it; Vite then puts its own first line (`__vite__mapDeps`) above it,
 * where V8 no longer reads it, so this swaps the two lines back. Neither line has source
 * mappings, so the source map stays true. docs/performance.md, ADR 29.
 */
function compileHintOnTheFirstLine(): Plugin {
  return {
    name: 'compile-hint-on-the-first-line',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk' || !output.isEntry) continue;
          const [first = '', second, ...rest] = output.code.split('\n');
          if (second === COMPILE_HINT) output.code = [second, first, ...rest].join('\n');
          else if (first !== COMPILE_HINT) this.error(`${output.fileName}: no ${COMPILE_HINT}`);
        }
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  base,
  plugins: [
    react(),
    filesTheBuildWrites(),
    ...(isSsrBuild
      ? []
      : [onDemandStaysOnDemand(), entryScriptAfterThePage(), compileHintOnTheFirstLine()]),
  ],
  // The editor's checks run in a module worker (src/features/editor/start-checks-worker.ts,
  // ADR 49), built as ES modules like the app.
  worker: { format: 'es' },
  build: {
    // DIST_DIR builds a second copy elsewhere (the browser tests' sub-path build).
    outDir: isSsrBuild ? 'dist-ssr' : (process.env.DIST_DIR ?? 'dist'),
    // Written without the comment that points to them: the prerender moves them beside the
    // site (dist-sourcemaps/) after the budgets, which read them, are checked.
    sourcemap: isSsrBuild ? false : 'hidden',
    // Vite's module preloading: an import() asks for the chunk and every chunk it imports
    // at once, so an on-demand screen arrives in one round trip, not a chain of them
    // (docs/decisions/0023-budgets-preloading-script-priority.md). No polyfill: every
    // browser we support (Chromium, Firefox, WebKit) knows rel="modulepreload".
    modulePreload: { polyfill: false },
    // The server build only renders pages at build time; it needs no copy of public/.
    copyPublicDir: !isSsrBuild,
    rolldownOptions: isSsrBuild
      ? {
          // The prerender's bundle is one file run at build time, so no import() of it
          // splits anything off: prerender-site.ts imports the validator that the browser
          // loads on demand (data/validator-chunk.ts), which is right, and not a warning.
          checks: { ineffectiveDynamicImport: false },
        }
      : {
          output: {
            // One chunk for everything the entry imports statically (rolldown's $initial
            // tag: the module graph decides, no list). Left alone, the bundler splits what
            // the on-demand chunks share with it into chunks of their own, which the first
            // paint then fetches one after another. Code reached only through import()
            // keeps its own chunks.
            codeSplitting: {
              groups: [{ name: 'index', tags: ['$initial'] }],
            },
            // After minification, which would drop a comment (compileHintOnTheFirstLine).
            postBanner: (chunk) => (chunk.isEntry ? COMPILE_HINT : ''),
          },
        },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    restoreMocks: true,
    // Each test renders a fresh app with a fresh QueryClient; module state is read-only
    // caches, so files can share workers (several seconds faster on two cores).
    isolate: false,
    // The JSON report feeds the `N passed, N failed` line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
}));
