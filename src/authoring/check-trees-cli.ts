// npm run check:trees [FOLDER | FILES...]: checks tree files the way the app and the build
// read them and, for a whole folder (public/trees unless another is named, such as the
// editor's downloads), that its index.json agrees with the trees it lists and, in
// public/trees, that the JSON Schema for editors (tree.schema.json) is up to date. Exit code 0
// only when every file is clean. Built to dist-cli/ by Vite and run with Node.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Tree } from '../engine/tree-schema';
import { checkIndexFile, checkTreeFile, formatReport } from './check-tree-file';
import { treeJsonSchemaText } from './tree-json-schema';

const TREES_DIR = path.join('public', 'trees');
const NOT_TREES = new Set(['index.json', 'tree.schema.json']);

async function isFolder(file: string): Promise<boolean> {
  return stat(file).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

async function main(args: string[]): Promise<number> {
  const [only] = args;
  const folder =
    args.length === 0 ? TREES_DIR : args.length === 1 && only && (await isFolder(only)) ? only : '';
  const files = folder
    ? (await readdir(folder))
        .filter((name) => name.endsWith('.json') && !NOT_TREES.has(name))
        .sort()
        .map((name) => path.join(folder, name))
    : args;
  let failed = 0;
  // Current trees (<id>.json, not archived copies) by id, for the index.
  const currentTrees = new Map<string, Tree | undefined>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.log(`${file}: cannot be read (${(error as Error).message})`);
      failed += 1;
      continue;
    }
    const report = checkTreeFile(file, text);
    console.log(formatReport(report));
    if (report.errors.length > 0) failed += 1;
    const currentId = /^([a-z0-9-]+)\.json$/.exec(path.basename(file))?.[1];
    if (currentId) currentTrees.set(currentId, report.tree);
  }

  if (folder) {
    const indexFile = path.join(folder, 'index.json');
    const indexText = await readFile(indexFile, 'utf8').catch(() => undefined);
    const report =
      indexText === undefined ? undefined : checkIndexFile(indexFile, indexText, currentTrees);
    console.log(report ? formatReport(report) : `${indexFile}: cannot be read`);
    if (!report || report.errors.length > 0) failed += 1;
  }

  // The schema is generated into public/trees; a folder of downloads need not carry it.
  if (folder && path.resolve(folder) === path.resolve(TREES_DIR)) {
    const schemaFile = path.join(folder, 'tree.schema.json');
    const current = await readFile(schemaFile, 'utf8').catch(() => '');
    if (current !== treeJsonSchemaText()) {
      console.log(`${schemaFile}: out of date with the validator; run npm run schema`);
      failed += 1;
    }
  }
  console.log(
    failed === 0
      ? `${files.length} tree file(s) checked, all clean`
      : `${failed} file(s) with errors`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
