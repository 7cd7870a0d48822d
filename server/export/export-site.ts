// `npm run export`: every published tree and the settings as the files a static build reads
// (public/trees/ and public/config.json), so that `npm run build` makes the same site
// without the server: the current version of each tree as <id>.json, earlier ones as
// <id>.v<N>.json (what old links are read with), index.json in the list's order.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TreeIndex } from '../../src/engine/tree-schema';
import type { Database } from '../db/database';
import { readClientConfig } from '../settings/settings';
import { allTreeVersions, currentVersions } from '../trees/tree-versions';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes `outDir/trees/…` and `outDir/config.json`; returns the files written. */
export async function exportSite(db: Database, outDir: string): Promise<string[]> {
  const versions = await allTreeVersions(db);
  const current = currentVersions(versions);
  const treesDir = path.join(outDir, 'trees');
  await mkdir(treesDir, { recursive: true });
  const written: string[] = [];
  const write = async (file: string, value: unknown) => {
    await writeFile(path.join(outDir, file), json(value));
    written.push(file);
  };
  for (const { treeId, version, tree } of versions) {
    const isCurrent = current.some((entry) => entry.treeId === treeId && entry.version === version);
    await write(isCurrent ? `trees/${treeId}.json` : `trees/${treeId}.v${version}.json`, tree);
  }
  const index: TreeIndex = {
    trees: current.map(({ tree }) => ({
      id: tree.id,
      title: tree.title,
      description: tree.description,
      ...(tree.article ? { article: tree.article.id } : {}),
    })),
  };
  await write('trees/index.json', index);
  await write('config.json', await readClientConfig(db));
  return written;
}
