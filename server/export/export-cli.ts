// npm run export [-- --out DIR]: writes the published trees and the settings to DIR (export/
// unless named) as public/ holds them. Copy DIR's contents over public/ (or name public as
// DIR) and run `npm run build` for a static site with the same content. Reads the database
// the server uses (DATABASE_URL, or the PGlite folder in DATA_DIR / ./data, which the server
// must not have open: refused while it has, server/db/data-dir-lock.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readServerConfig } from '../config';
import { openDatabase } from '../db/database';
import { databaseFailure } from '../db/database-errors';
import { exportSite } from './export-site';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'export' } } });
const outDir = path.resolve(process.cwd(), values.out);
const config = readServerConfig(process.env, root);
/** A database the person must set up or free first: one line (server/db/database-errors.ts). */
function stopOnDatabaseFailure(error: unknown): never {
  const failure = databaseFailure(error, config.database);
  if (!failure) throw error;
  console.error(`export: ${failure}`);
  process.exit(1);
}
const connection = await openDatabase(config.database).catch(stopOnDatabaseFailure);
try {
  await connection.migrate().catch(stopOnDatabaseFailure);
  const files = await exportSite(connection.db, outDir);
  console.log(`export: wrote ${files.length} files to ${outDir}:`);
  for (const file of files) console.log(`  ${file}`);
  console.log(
    'export: to build a static site from them, copy them over public/ (or run with --out public), then npm run build',
  );
} finally {
  await connection.close();
}
