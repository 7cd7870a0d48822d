// Once per `npm run test:server` run: the built site the static tests serve, and a migrated
// template database that every test file copies (a new PGlite takes seconds to create; a copy
// of its dump loads in a fraction of that; a PostgreSQL database copies its template).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { ensureSiteBuilt } from '../site/ensure-site-built';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite (tests on the embedded database). */
    pgliteTemplate: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function setup(project: TestProject) {
  ensureSiteBuilt(root, { dir: 'dist', base: '/' }, (line) => console.log(`server tests: ${line}`));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    // The database TEST_DATABASE_URL names is migrated once and is then each file's template.
    const connection = await openDatabase({ url });
    await connection.migrate();
    await connection.close();
    project.provide('pgliteTemplate', '');
    return;
  }
  const connection = await openDatabase({ memory: true });
  await connection.migrate();
  const client = (connection.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await connection.close();
  const file = path.join(os.tmpdir(), `troubleshooter-pglite-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => {
    const { rm } = await import('node:fs/promises');
    await rm(file, { force: true });
  };
}
