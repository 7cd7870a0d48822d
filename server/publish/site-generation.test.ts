// Generation folders (ADR 30, ADR 47): a troubleshooter's rendered pages are kept once in
// `.pages/` and linked from every generation that serves them; a later publish of the same
// troubleshooter never writes into the pages a live generation serves; pages no generation
// links to any more are removed.
import { lstat, mkdtemp, readdir, readFile, readlink, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, onTestFinished, test, vi } from 'vitest';
import type { Tree } from '../../src/engine/tree-schema';
import type { TreeVersion } from '../trees/tree-versions';
import {
  closeRenderers,
  makeGeneration,
  newGenerationKey,
  removeOldGenerations,
  type SiteFolders,
} from './site-generation';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const TIMEOUT = 120_000;

afterAll(() => closeRenderers());

async function shipped(): Promise<TreeVersion[]> {
  const read = async (name: string) =>
    JSON.parse(await readFile(path.join(DIST, 'trees', name), 'utf8')) as Tree;
  const [v1, v2] = await Promise.all([read('q164887.v1.json'), read('q164887.json')]);
  return [
    { treeId: 'q164887', version: 1, tree: v1 },
    { treeId: 'q164887', version: 2, tree: v2 },
  ];
}

/** The shipped troubleshooter under another id, as a second one (a small one). */
async function another(version: number, question: string): Promise<TreeVersion> {
  const [, current] = await shipped();
  const tree = structuredClone(current!.tree);
  const start = tree.nodes.find((node) => node.id === tree.start);
  if (start?.kind === 'question') start.prompt = question;
  return {
    treeId: 'second-tree',
    version,
    tree: { ...tree, id: 'second-tree', title: 'A second troubleshooter', version },
  };
}

async function folders(): Promise<SiteFolders> {
  const publishDir = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-generations-'));
  onTestFinished(() => rm(publishDir, { recursive: true, force: true }));
  return { distDir: DIST, publishDir, basePath: '/' };
}

const keyOf = (folder: string) => path.basename(folder).split('-')[0]!;

test(
  "a troubleshooter's pages are linked from each generation, never rewritten, removed when unlinked",
  { timeout: TIMEOUT },
  async () => {
    const site = await folders();
    const base = await shipped();

    // The first publish of a second troubleshooter: its pages go to .pages/, linked.
    const first = await makeGeneration(site, {
      key: newGenerationKey(),
      versions: [...base, await another(1, 'First wording?')],
      changed: new Set(['second-tree']),
      previous: null,
    });
    expect(first.pages).toBeGreaterThan(10);
    for (const place of ['second-tree', 'map/second-tree', 'edit/second-tree']) {
      expect((await lstat(path.join(first.folder, place))).isSymbolicLink(), place).toBe(true);
    }
    // The build's troubleshooter, not published here, is linked file by file as before: its
    // steps, its map and its editor page.
    for (const place of ['q164887', 'map/q164887', 'edit/q164887']) {
      expect((await lstat(path.join(first.folder, place))).isDirectory(), place).toBe(true);
    }
    const startPage = (folder: string) =>
      readFile(path.join(folder, 'second-tree', 'index.html'), 'utf8');
    expect(await startPage(first.folder)).toContain('First wording?');

    // A publish of the shipped troubleshooter links to the same pages of the second one.
    const [, current] = base;
    const shippedV3 = { treeId: 'q164887', version: 3, tree: { ...current!.tree, version: 3 } };
    const second = await makeGeneration(site, {
      key: newGenerationKey(),
      versions: [...base, await another(1, 'First wording?'), shippedV3],
      changed: new Set(['q164887']),
      previous: first.folder,
    });
    const target = (folder: string) => readlink(path.join(folder, 'second-tree'));
    expect(await target(second.folder)).toBe(await target(first.folder));
    // Its map and editor page too: a publish keeps every other troubleshooter's pages.
    for (const place of ['map/second-tree', 'edit/second-tree']) {
      expect(await readlink(path.join(second.folder, place)), place).toBe(
        await readlink(path.join(first.folder, place)),
      );
    }
    await expect(
      readFile(path.join(second.folder, 'edit', 'index.html'), 'utf8'),
    ).resolves.toContain('<html');

    // A new version of the second one: rendered afresh (by two workers, each its share of the
    // pages), while the live folder keeps its own.
    vi.stubEnv('PUBLISH_RENDER_WORKERS', '2');
    const third = await makeGeneration(site, {
      key: newGenerationKey(),
      versions: [
        ...base,
        await another(1, 'First wording?'),
        shippedV3,
        await another(2, 'New wording?'),
      ],
      changed: new Set(['second-tree']),
      previous: second.folder,
    });
    vi.unstubAllEnvs();
    expect(third.pages).toBe(first.pages);
    expect(await target(third.folder)).not.toBe(await target(second.folder));
    expect(await startPage(third.folder)).toContain('New wording?');
    expect(await startPage(second.folder)).toContain('First wording?');
    expect(await startPage(first.folder)).toContain('First wording?');

    // Old generations go after a minute, their pages once nothing links to them (ten
    // minutes): made to look old here.
    const pagesDir = path.join(site.publishDir, '.pages');
    const aged = new Date(Date.now() - 20 * 60_000);
    for (const name of await readdir(site.publishDir)) {
      await utimes(path.join(site.publishDir, name), aged, aged);
    }
    for (const name of await readdir(pagesDir)) {
      await utimes(path.join(pagesDir, name), aged, aged);
    }
    await removeOldGenerations(site.publishDir, [keyOf(third.folder)]);
    expect((await readdir(site.publishDir)).sort()).toEqual(
      ['.pages', path.basename(third.folder)].sort(),
    );
    // Left: the pages the live generation links to, the second one's and the shipped one's.
    const linked = await Promise.all(
      ['second-tree', 'q164887'].map(async (tree) =>
        path.basename(path.dirname(await readlink(path.join(third.folder, tree)))),
      ),
    );
    expect((await readdir(pagesDir)).sort()).toEqual(linked.sort());
    // Removing a folder removed its links, never the pages they pointed to.
    expect(await startPage(third.folder)).toContain('New wording?');
    const shippedStart = await readFile(path.join(third.folder, 'q164887', 'index.html'), 'utf8');
    expect(shippedStart).toContain('Systems Management Server 1.2');
  },
);
