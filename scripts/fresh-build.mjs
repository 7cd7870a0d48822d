// Every build the tests use, made once: `npm test` (and CI before it) runs this, and the
// suites reuse what it made. A build is made again only when the sources changed since:
// `npm run build` ends by recording what it was built from (a hash of the files a build
// reads, and the base path) in the output folder, which is emptied when a build starts, so a
// build that failed half-way leaves no record and a stale build is never tested.
//
//   dist/            the site (`npm run build`, with the byte budgets)
//   dist-subpath/    the same for a sub-path (scripts/build-subpath.mjs)
//   dist-large/, dist-many/, dist-published/
//                    the site with other troubleshooters, from one shared client build
//                    (scripts/build-with-trees.mjs and the build-*.mjs that describe them)
//   dist-cli/        check:trees and schema (`npm run build:cli`), for the editor test
//
//   node scripts/fresh-build.mjs           builds whichever of these is missing or stale
//   node scripts/fresh-build.mjs --stamp   records what $DIST_DIR was just built from
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LARGE_BUILD } from './build-large.mjs';
import { MANY_TREES_BUILD } from './build-many-trees.mjs';
import { PUBLISHED_BUILD } from './build-published.mjs';
import { SUBPATH_BUILD } from './build-subpath.mjs';
import { buildWithTrees } from './build-with-trees.mjs';

/** Built by `npm run build` for their base path. */
export const BUILDS = [{ dir: 'dist', base: '/' }, SUBPATH_BUILD];
/** The app with other troubleshooters, all from one client build. */
export const SITES_WITH_TREES = [LARGE_BUILD, MANY_TREES_BUILD, PUBLISHED_BUILD];
export const CLI_BUILD = { dir: 'dist-cli', base: 'the command-line tools' };

const STAMP = '.built-from';

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
    const stale = (build) => {
      if (isUpToDate(root, build)) {
        console.log(`${build.dir}/ is up to date with the sources: not built again`);
        return false;
      }
      console.log(`${build.dir}/ is missing or was built from other sources: building it`);
      return true;
    };
    for (const build of BUILDS.filter(stale)) {
      execSync('npm run -s build', {
        stdio: 'inherit',
        env: { ...process.env, BASE_PATH: build.base, DIST_DIR: build.dir },
      });
    }
    await buildWithTrees(root, SITES_WITH_TREES.filter(stale), {
      onBuilt: (site) => writeStamp(root, site),
    });
    if (stale(CLI_BUILD)) {
      execSync('npm run -s build:cli', { stdio: 'inherit' });
      writeStamp(root, CLI_BUILD);
    }
  }
}
