// One build per base path, and one with a large generated tree (scripts/build-large.mjs):
// the browser tests reuse dist/, dist-subpath/ and dist-large/ when they were
// built from the current sources, and build them again when not, so a stale build is never
// tested. `npm run build` ends by recording what it was built from (a hash of the files a
// build reads, and the base path) in the output folder; the folder is emptied when a build
// starts, so a build that failed half-way leaves no record.
//
//   node scripts/fresh-build.mjs           builds dist/, dist-subpath/, dist-large/ (dist/ with a
//                                          200-question tree added) and dist-many/ (dist/ again
//                                          with many generated trees) unless up to date
//   node scripts/fresh-build.mjs --stamp   records what $DIST_DIR was just built from
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LARGE_BUILD } from './build-large.mjs';
import { SUBPATH_BUILD } from './build-subpath.mjs';
import { buildManyTrees, MANY_TREES_BUILD } from './build-many-trees.mjs';

const STAMP = '.built-from';
// dist/ first: dist-large/ is built the same way, with a generated tree added.
export const BUILDS = [{ dir: 'dist', base: '/' }, SUBPATH_BUILD, LARGE_BUILD];

// What a build reads: the app, its public files, the build scripts, and every file at the
// top (package-lock.json, the Vite and TypeScript configs, index.html…). Tests are never
// part of a build.
const INPUT_DIRS = ['src', 'public', 'scripts'];
const NOT_INPUT = /\.test\.tsx?$|\.md$/;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(file);
    return entry.isFile() && !NOT_INPUT.test(entry.name) ? [file] : [];
  });
}

/** A hash of every file a build reads, and of the base path it builds for. */
export function inputsHash(root, base) {
  const hash = createHash('sha256').update(`base ${base}\n`);
  const top = readdirSync(root).filter(
    (name) => !NOT_INPUT.test(name) && name !== '.git' && statSync(path.join(root, name)).isFile(),
  );
  const inputs = [...top, ...INPUT_DIRS.flatMap((dir) => files(path.join(root, dir)))].map((file) =>
    path.relative(root, path.resolve(root, file)).split(path.sep).join('/'),
  );
  for (const file of inputs.sort()) {
    hash
      .update(`${file}\n`)
      .update(readFileSync(path.join(root, file)))
      .update('\n');
  }
  return hash.digest('hex');
}

/** Whether `dir` holds a finished build of the current sources for `base`. */
export function isUpToDate(root, { dir, base }) {
  const stamp = path.join(root, dir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputsHash(root, base);
}

export function writeStamp(root, { dir, base }) {
  writeFileSync(path.join(root, dir, STAMP), `${inputsHash(root, base)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.cwd();
  if (process.argv.includes('--stamp')) {
    writeStamp(root, { dir: process.env.DIST_DIR ?? 'dist', base: process.env.BASE_PATH ?? '/' });
  } else {
    for (const build of BUILDS) {
      if (isUpToDate(root, build)) {
        console.log(`${build.dir}/ is up to date with the sources: not built again`);
        continue;
      }
      console.log(`${build.dir}/ is missing or was built from other sources: building it`);
      execSync(build.script ? `node ${build.script}` : 'npm run -s build', {
        stdio: 'inherit',
        env: { ...process.env, BASE_PATH: build.base, DIST_DIR: build.dir },
      });
    }
    // The same sources again, with many generated trees (scripts/build-many-trees.mjs).
    if (isUpToDate(root, MANY_TREES_BUILD)) {
      console.log(`${MANY_TREES_BUILD.dir}/ is up to date with the sources: not built again`);
    } else {
      console.log(
        `${MANY_TREES_BUILD.dir}/ is missing or was built from other sources: building it`,
      );
      await buildManyTrees(root);
      writeStamp(root, MANY_TREES_BUILD);
    }
  }
}
