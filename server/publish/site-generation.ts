// A generation of the served site (docs/decisions/0030-review-and-publish.md, ADR 47): a
// folder holding the whole site as it is after one publish. It is made beside the live one,
// never in it: the changed troubleshooter's pages, the list and the search file are rendered
// afresh, and every other file is taken from the previous generation (or the build). Pages a
// publish renders are kept once, in `.pages/`, and each generation has symbolic links to
// them, three a troubleshooter: so a publish costs the same however many pages the other
// troubleshooters have. Other files are hard links. Only a complete folder gets its final
// name, so a publish that fails or is killed half-way leaves a `.building-…` folder that
// nobody serves.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  copyFile,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TreeIndex } from '../../src/engine/tree-schema';
import type { TreeVersion } from '../trees/tree-versions';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the publishing stages may be held (a test kills the process there). */
export type PublishStage = 'before-render' | 'during-render' | 'after-render' | 'after-commit';

export type SiteFolders = {
  /** The built site (`npm run build`): the assets and every page of the shipped trees. */
  distDir: string;
  /** Where generations are made (PUBLISH_DIR); on the same disk as distDir (hard links). */
  publishDir: string;
  basePath: string;
};

/** The build the folders are made from (`dist/.built-from`, scripts/fresh-build.mjs). */
export async function buildStamp(distDir: string): Promise<string> {
  const text = await readFile(path.join(distDir, '.built-from'), 'utf8').catch(() => 'unstamped');
  return text.trim().slice(0, 16) || 'unstamped';
}

/**
 * A generation's folder: named by its key and by the build it was made from, so that a new
 * build (an upgrade) never serves old pages with new scripts: its folder is made again.
 */
export function generationFolder(folders: SiteFolders, key: string, stamp: string): string {
  return path.join(folders.publishDir, `${key}-${stamp}`);
}

export function newGenerationKey(): string {
  return `g${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** The files a publish of `treeIds` writes itself: never linked from the previous folder. */
function rewrittenBy(treeIds: ReadonlySet<string>) {
  return (relative: string): boolean => {
    const parts = relative.split(path.sep);
    const [first, second] = parts;
    if (parts.length === 1 && first === 'index.html') return true;
    if (first === 'list') return true;
    if (first === 'trees') {
      if (second === 'index.json' || second === 'search.json' || second === 'list') return true;
      const tree = /^([a-z0-9-]+?)(\.v\d+)?\.json$/.exec(second ?? '')?.[1];
      return parts.length === 2 && tree !== undefined && treeIds.has(tree);
    }
    if (first === 'map' || first === 'edit') {
      // The editor's own page for a new troubleshooter; each other one's is kept.
      if (first === 'edit' && parts.length === 2 && second === 'index.html') return true;
      return second !== undefined && treeIds.has(second);
    }
    // The tree's folder itself too: in the previous generation it may be a link to pages in
    // `.pages/`, which must never be written through. No other name at the top is a tree id
    // (engine/ids.ts reserves them).
    return first !== undefined && treeIds.has(first);
  };
}

/**
 * Links every file of `from` into `to` (copies across disks), but those `skip` names. A
 * symbolic link (a troubleshooter's pages in `.pages/`) is made again as it is: its target
 * is relative, and `to` is as deep as `from`.
 */
async function linkTree(from: string, to: string, skip: (relative: string) => boolean) {
  const walk = async (relative: string): Promise<void> => {
    await mkdir(path.join(to, relative), { recursive: true });
    const entries = await readdir(path.join(from, relative), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const name = path.join(relative, entry.name);
        if (skip(name)) return;
        if (entry.isDirectory()) return walk(name);
        const source = path.join(from, name);
        const target = path.join(to, name);
        if (entry.isSymbolicLink()) return symlink(await readlink(source), target);
        await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
          await copyFile(source, target);
        });
      }),
    );
  };
  await walk('');
}

/** The shared folder of the pages publishes rendered, one folder a troubleshooter's render. */
const PAGES = '.pages';

/** Where a troubleshooter's pages are in a generation: its steps, its map, its editor page. */
const pagePlaces = (treeId: string) => [
  { place: 'steps', at: treeId },
  { place: 'map', at: path.join('map', treeId) },
  { place: 'edit', at: path.join('edit', treeId) },
];

/**
 * Moves the pages just rendered for `treeIds` out of the folder being built into `.pages/`,
 * and links them back: the generations after this one link to them too, rather than link
 * every page again (ADR 47). The move is a rename, on the same disk.
 */
async function keepPagesShared(
  publishDir: string,
  building: string,
  treeIds: Iterable<string>,
  name: (treeId: string) => string,
) {
  await mkdir(path.join(publishDir, PAGES), { recursive: true });
  for (const treeId of treeIds) {
    const kept = path.join(publishDir, PAGES, name(treeId));
    await mkdir(kept);
    for (const { place, at } of pagePlaces(treeId)) {
      const rendered = path.join(building, at);
      const found = await lstat(rendered).catch(() => null);
      if (!found?.isDirectory()) continue;
      await rename(rendered, path.join(kept, place));
      const target = path.relative(path.dirname(rendered), path.join(kept, place));
      await symlink(target, rendered).catch(async (error: NodeJS.ErrnoException) => {
        // Where symbolic links are not allowed (Windows without the right to make them), the
        // pages stay in the folder, and later generations link them a file at a time.
        if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EACCES')
          throw error;
        await rename(path.join(kept, place), rendered);
      });
    }
  }
}

/** The names in `.pages/` that the generation folders in `names` link to. */
async function pagesLinkedFrom(publishDir: string, names: string[]): Promise<Set<string>> {
  const linked = new Set<string>();
  const collect = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isSymbolicLink()) continue;
      const target = await readlink(path.join(dir, entry.name)).catch(() => '');
      const parts = target.split(path.sep);
      const name = parts[parts.indexOf(PAGES) + 1];
      if (parts.includes(PAGES) && name) linked.add(name);
    }
  };
  for (const name of names) {
    const folder = path.join(publishDir, name);
    await Promise.all([folder, path.join(folder, 'map'), path.join(folder, 'edit')].map(collect));
  }
  return linked;
}

/** The trees whose files in `dir` are not the versions the database has (or are missing). */
async function treesDifferingFrom(dir: string, current: TreeVersion[]): Promise<Set<string>> {
  const differing = new Set<string>();
  for (const { treeId, version } of current) {
    const file = path.join(dir, 'trees', `${treeId}.json`);
    const onDisk = await readFile(file, 'utf8')
      .then((text) => (JSON.parse(text) as { version?: number }).version)
      .catch(() => undefined);
    if (onDisk !== version) differing.add(treeId);
  }
  return differing;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The server build that renders pages: the site's own (`dist-ssr/`), or one of ours. */
function ssrModules(folders: SiteFolders): string[] {
  return [
    path.join(ROOT, 'dist-ssr', 'prerender-site.js'),
    path.join(folders.publishDir, '.ssr', 'prerender-site.js'),
  ].filter((file) => existsSync(file));
}

/** Builds the server build for this base path into the publish folder (once). */
function buildOwnSsr(folders: SiteFolders): string {
  const outDir = path.join(folders.publishDir, '.ssr');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--ssr',
      'src/prerender/prerender-site.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, BASE_PATH: folders.basePath } },
  );
  return path.join(outDir, 'prerender-site.js');
}

type RenderJob = {
  folder: string;
  only: string[];
  template: string;
  /** This worker renders every `count`-th page from the `index`-th (prerenderSite's shard). */
  shard: { index: number; count: number };
};

type Renderer = {
  /** The server build it loaded. */
  ssrModule: string;
  render(job: RenderJob): Promise<number>;
  close(): Promise<void>;
};

type WorkerMessage = {
  ready?: true;
  wrongBase?: string;
  id?: number;
  pages?: number;
  error?: string;
};

/** A worker with the server build loaded, or null when that build is for another base path. */
function startRenderer(ssrModule: string, basePath: string): Promise<Renderer | null> {
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), {
    workerData: { ssrModule, basePath },
    // Plain JavaScript: no TypeScript loader needed in the worker.
    execArgv: [],
  });
  // Idle between publishes, it must not keep the process alive.
  worker.unref();
  const waiting = new Map<number, { resolve(pages: number): void; reject(e: Error): void }>();
  let next = 0;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure = error;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.wrongBase !== undefined) {
        void worker.terminate();
        resolve(null);
        return;
      }
      if (message.ready) {
        resolve({
          ssrModule,
          render(job) {
            if (failure) return Promise.reject(failure);
            next += 1;
            const id = next;
            return new Promise<number>((done, refuse) => {
              waiting.set(id, { resolve: done, reject: refuse });
              worker.postMessage({ id, ...job });
            });
          },
          async close() {
            await worker.terminate();
          },
        });
        return;
      }
      const job = waiting.get(message.id ?? -1);
      if (!job) return;
      waiting.delete(message.id ?? -1);
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(message.pages ?? 0);
    });
    worker.once('error', (error) => {
      fail(error);
      reject(error);
    });
    worker.once('exit', (code) => fail(new Error(`publish: the renderer stopped (${code})`)));
  });
}

/** At most one render worker a core (and four), as the build's prerender has. */
const MOST_RENDERERS = Math.min(os.availableParallelism(), 4);

/**
 * How many workers render a publish: every core's when one is idle, otherwise one, the
 * build's rule (scripts/prerender.mjs): each worker reads the trees and builds the list
 * again, which only pays where a core would otherwise be idle. PUBLISH_RENDER_WORKERS
 * overrides it (`npm run bench:server` compares them).
 */
function renderersNow(): number {
  const asked = Number(process.env.PUBLISH_RENDER_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return Math.min(asked, MOST_RENDERERS);
  const cores = os.availableParallelism();
  const [load = 0] = os.loadavg();
  return load <= cores - 1 ? MOST_RENDERERS : 1;
}

/** The workers of each publish folder and base path, each started once and kept. */
const renderers = new Map<string, Promise<Renderer>[]>();
const rendererKey = (folders: SiteFolders) => `${folders.publishDir}\n${folders.basePath}`;

/** The `index`-th renderer for these folders, React and the app loaded. */
function rendererFor(folders: SiteFolders, index: number): Promise<Renderer> {
  const key = rendererKey(folders);
  const pool = renderers.get(key) ?? [];
  renderers.set(key, pool);
  let renderer = pool[index];
  if (!renderer) {
    renderer =
      index === 0
        ? (async () => {
            for (const ssrModule of ssrModules(folders)) {
              const started = await startRenderer(ssrModule, folders.basePath);
              if (started) return started;
            }
            const own = await startRenderer(buildOwnSsr(folders), folders.basePath);
            if (!own) throw new Error(`publish: no server build for ${folders.basePath}`);
            return own;
          })()
        : // The first one finds (or makes) the server build for the base path; the others load it.
          (async () => {
            const { ssrModule } = await rendererFor(folders, 0);
            const started = await startRenderer(ssrModule, folders.basePath);
            if (!started) throw new Error(`publish: no server build for ${folders.basePath}`);
            return started;
          })();
    pool[index] = renderer;
  }
  return renderer;
}

/**
 * Starts the first renderer, so that the first publish does not wait for it. The others
 * start when a publish first uses them, on a core that is idle then (their memory is spent
 * only where they are used).
 */
export async function warmRenderers(folders: SiteFolders): Promise<void> {
  await rendererFor(folders, 0);
}

async function closePool(pool: Promise<Renderer>[]) {
  await Promise.all(pool.map((renderer) => renderer.then((r) => r.close()).catch(() => {})));
}

/** Stops the renderers (the app closes). */
export async function closeRenderers(): Promise<void> {
  const all = [...renderers.values()];
  renderers.clear();
  await Promise.all(all.map(closePool));
}

async function render(
  folders: SiteFolders,
  job: Omit<RenderJob, 'shard'>,
): Promise<{ pages: number }> {
  const count = renderersNow();
  try {
    const pages = await Promise.all(
      Array.from({ length: count }, async (_, index) =>
        (await rendererFor(folders, index)).render({ ...job, shard: { index, count } }),
      ),
    );
    return { pages: pages.reduce((sum, each) => sum + each, 0) };
  } catch (error) {
    // Every renderer is stopped before the folder is removed (none writes into it after),
    // and started afresh for the next publish.
    const pool = renderers.get(rendererKey(folders)) ?? [];
    renderers.delete(rendererKey(folders));
    await closePool(pool);
    throw error;
  }
}

/**
 * Makes the folder of a generation: the site with `versions` published (every version of
 * every tree, in the list's order; the highest of each is served). `previous` is the live
 * generation's folder, when there is one made from the same build: everything but `changed`
 * is linked from it. Without it, the folder is made from the build, and every tree whose
 * file there is not the database's is rendered. Returns the folder; one already there (made
 * by another process on this disk) is used as it is.
 */
export async function makeGeneration(
  folders: SiteFolders,
  options: {
    key: string;
    versions: TreeVersion[];
    changed: ReadonlySet<string>;
    previous: string | null;
    hold?: (stage: PublishStage) => Promise<void>;
  },
): Promise<{ folder: string; pages: number }> {
  const stamp = await buildStamp(folders.distDir);
  const folder = generationFolder(folders, options.key, stamp);
  if (existsSync(folder)) return { folder, pages: 0 };
  await options.hold?.('before-render');

  const current = new Map<string, TreeVersion>();
  for (const entry of options.versions) current.set(entry.treeId, entry);
  const source =
    options.previous && existsSync(options.previous) ? options.previous : folders.distDir;
  const changed = new Set(options.changed);
  for (const id of await treesDifferingFrom(source, [...current.values()])) changed.add(id);

  await mkdir(folders.publishDir, { recursive: true });
  const building = path.join(
    folders.publishDir,
    `.building-${options.key}-${randomBytes(3).toString('hex')}`,
  );
  try {
    await linkTree(source, building, rewrittenBy(changed));
    const treesDir = path.join(building, 'trees');
    for (const { treeId, version, tree } of options.versions) {
      if (!changed.has(treeId)) continue;
      const name = current.get(treeId)?.version === version ? treeId : `${treeId}.v${version}`;
      await writeFile(path.join(treesDir, `${name}.json`), json(tree));
    }
    const index: TreeIndex = {
      trees: [...current.values()].map(({ tree }) => ({
        id: tree.id,
        title: tree.title,
        description: tree.description,
        ...(tree.article ? { article: tree.article.id } : {}),
      })),
    };
    await writeFile(path.join(treesDir, 'index.json'), json(index));
    await options.hold?.('during-render');
    const { pages } = await render(folders, {
      folder: building,
      only: [...changed],
      template: await readFile(path.join(folders.distDir, '.prerender-template'), 'utf8'),
    });
    await keepPagesShared(
      folders.publishDir,
      building,
      changed,
      (treeId) => `${options.key}-${stamp}-${treeId}`,
    );
    // Complete: only now does it get the name a process serves it by.
    await rename(building, folder);
    return { folder, pages };
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes the folders no process serves any more: generations other than `keep` (the live
 * one and the one before it, which a process may still be switching from) once they are a
 * minute old, and unfinished ones (a publish that failed or was killed) after an hour, when
 * no publish can still be writing them. Then the pages in `.pages/` that no folder left
 * links to, once they are ten minutes old (a publish moves its pages there a moment before
 * it links to them).
 */
export async function removeOldGenerations(publishDir: string, keep: readonly string[]) {
  const names = await readdir(publishDir).catch(() => [] as string[]);
  const now = Date.now();
  const age = async (full: string) =>
    now - (await stat(full).catch(() => ({ mtimeMs: now }))).mtimeMs;
  const removed = await Promise.all(
    names.map(async (name) => {
      if (name === '.ssr' || name === PAGES || keep.some((key) => name.startsWith(`${key}-`)))
        return false;
      const full = path.join(publishDir, name);
      const old = await age(full);
      if (name.startsWith('.building-') ? old > 60 * 60_000 : old > 60_000) {
        await rm(full, { recursive: true, force: true });
        return true;
      }
      return false;
    }),
  );
  const left = names.filter((name, index) => !removed[index] && name !== '.ssr' && name !== PAGES);
  const linked = await pagesLinkedFrom(publishDir, left);
  const pagesDir = path.join(publishDir, PAGES);
  const kept = await readdir(pagesDir).catch(() => [] as string[]);
  await Promise.all(
    kept.map(async (name) => {
      if (linked.has(name)) return;
      const full = path.join(pagesDir, name);
      if ((await age(full)) > 10 * 60_000) await rm(full, { recursive: true, force: true });
    }),
  );
}
