// The export writes files the static build accepts: checked by the rules the build reads
// them with (src/engine: the index, each tree, its entry), and equal to what was imported.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { Tree } from '../../src/engine/tree-schema';
import {
  checkIndexEntry,
  validateTreeFile,
  validateTreeIndex,
} from '../../src/engine/validate-tree';
import { treeVersions } from '../db/schema';
import { buildTestApp, SITE_DIR } from '../testing/test-app';
import { exportSite } from './export-site';

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

test('every published tree, archived versions included, and the settings, as the build reads them', async () => {
  const app = await buildTestApp();
  const shipped = (await readJson(path.join(SITE_DIR, 'trees', 'q164887.json'))) as Tree;
  // A second version published, and settings changed: both must come out.
  await app.db.insert(treeVersions).values({
    treeId: 'q164887',
    version: shipped.version + 1,
    tree: { ...shipped, version: shipped.version + 1, title: `${shipped.title} (revised)` },
  });
  const escalation = { label: 'SMS team', url: 'https://helpdesk.example/queues/sms' };
  await app.settings.write(
    { embed: { allowedOrigins: ['https://helpdesk.example'] }, escalation },
    null,
  );

  const out = await mkdtemp(path.join(os.tmpdir(), 'troubleshooter-export-'));
  onTestFinished(() => rm(out, { recursive: true, force: true }));
  await exportSite(app.db, out);

  expect((await readdir(path.join(out, 'trees'))).sort()).toEqual([
    'index.json',
    'q164887.json',
    // The shipped tree's own archived version, and the one the second version archives.
    'q164887.v1.json',
    `q164887.v${shipped.version}.json`,
  ]);
  const index = validateTreeIndex(await readJson(path.join(out, 'trees', 'index.json')));
  const current = validateTreeFile(
    'trees/q164887.json',
    await readJson(path.join(out, 'trees', 'q164887.json')),
  );
  const archived = `q164887.v${shipped.version}.json`;
  const old = validateTreeFile(
    `trees/${archived}`,
    await readJson(path.join(out, 'trees', archived)),
  );
  if (!index.ok || !current.ok || !old.ok) throw new Error(JSON.stringify([index, current, old]));
  expect(index.value.trees.map((entry) => entry.id)).toEqual(['q164887']);
  expect(checkIndexEntry(index.value.trees[0]!, 0, current.value)).toEqual([]);
  expect(current.value.title).toBe(`${shipped.title} (revised)`);
  expect(old.value).toEqual(shipped);
  expect(await readJson(path.join(out, 'config.json'))).toEqual({
    embed: { allowedOrigins: ['https://helpdesk.example'] },
    escalation,
  });
});
