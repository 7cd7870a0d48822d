// The first start on an empty database takes in what the static site shipped with: the
// trees of the built site (its trees/ folder, a copy of public/trees, archived versions
// included) and its config.json, so the site looks and behaves as the static build did.
// It happens once: a marker row records it, and the site's files are never read again.
import { sql } from 'drizzle-orm';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateTreeFileText, validateTreeIndexText } from '../../src/engine/validate-tree';
import { mailAddress, webAddress } from '../../src/engine/escalation-address';
import { isOrigin } from '../../src/lib/origins';
import type { Database } from '../db/database';
import { settings, treeVersions } from '../db/schema';
import { writeSettings, type SettingsChange } from '../settings/settings';

const IMPORT_MARKER = 'first-start-import';
// Two processes starting on a new PostgreSQL database at once: one imports, the other
// waits for it and then finds the marker.
const IMPORT_LOCK = 164888;

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** config.json read as leniently as the client reads it: what it would ignore is dropped. */
export function settingsFromConfigFile(json: unknown, warn: (line: string) => void) {
  const config = (json ?? {}) as { embed?: { allowedOrigins?: unknown }; escalation?: unknown };
  const listed = config.embed?.allowedOrigins;
  const list = Array.isArray(listed) ? listed : [];
  const allowedOrigins = [...new Set(list.filter(isOrigin))];
  if (allowedOrigins.length !== list.length) {
    warn('config.json: embed.allowedOrigins entries that are not origins were left out');
  }
  const change: SettingsChange = { embed: { allowedOrigins } };
  const escalation = config.escalation as
    { label?: unknown; url?: unknown; email?: unknown } | undefined;
  if (typeof escalation?.label === 'string' && escalation.label.trim() !== '') {
    const { label } = escalation;
    const web = typeof escalation.url === 'string' ? webAddress(escalation.url) : undefined;
    const mail = typeof escalation.email === 'string' ? mailAddress(escalation.email) : undefined;
    if (web && 'href' in web) {
      change.escalation = { label, url: web.href };
    } else if (mail && 'href' in mail) {
      change.escalation = { label, email: mail.href.slice('mailto:'.length) };
    } else if (web || mail) {
      const refused = (web ?? mail) as { problem: string };
      warn(`config.json: escalation: ${refused.problem}: left out`);
    } else warn('config.json: escalation has neither a web address nor an email: left out');
  }
  return change;
}

/** Reads the trees a built site serves, checked by the rules the build and the app use. */
export async function readSiteTrees(siteDir: string) {
  const treesDir = path.join(siteDir, 'trees');
  const index = validateTreeIndexText(await readFile(path.join(treesDir, 'index.json'), 'utf8'));
  if (!index.ok) throw new Error(`trees/index.json: ${index.problems[0]?.message}`);
  const names = [
    ...index.value.trees.map((entry) => `${entry.id}.json`),
    ...(await readdir(treesDir)).filter((name) => /^[a-z0-9-]+\.v\d+\.json$/.test(name)).sort(),
  ];
  const trees = [];
  for (const name of names) {
    const text = await readFile(path.join(treesDir, name), 'utf8');
    const result = validateTreeFileText(`trees/${name}`, text);
    if (!result.ok) {
      const [problem] = result.problems;
      throw new Error(`trees/${name}: ${problem?.path} ${problem?.message}`);
    }
    trees.push(result.value);
  }
  return trees;
}

/**
 * Imports the built site's trees and config.json when this database has never had them.
 * Returns what it did, for the log.
 */
export async function importShippedContent(
  db: Database,
  siteDir: string,
  warn: (line: string) => void,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    const [marker] = await tx
      .select({ key: settings.key })
      .from(settings)
      .where(sql`${settings.key} = ${IMPORT_MARKER}`);
    if (marker) return undefined;
    const trees = await readSiteTrees(siteDir);
    if (trees.length > 0) {
      await tx
        .insert(treeVersions)
        .values(trees.map((tree) => ({ treeId: tree.id, version: tree.version, tree })))
        .onConflictDoNothing();
    }
    const config = await readJson(path.join(siteDir, 'config.json')).catch(() => ({}));
    await writeSettings(tx, settingsFromConfigFile(config, warn), null);
    await tx.insert(settings).values({
      key: IMPORT_MARKER,
      value: { at: new Date().toISOString(), trees: trees.map((t) => `${t.id} v${t.version}`) },
    });
    return { trees: trees.length };
  });
}
