// `npm start` serves the built site: built again first when it is missing or was built from
// other sources, by the same stamp the browser tests use (scripts/fresh-build.mjs).
import { execFileSync } from 'node:child_process';
import { isUpToDate } from '../../scripts/fresh-build.mjs';

export type SiteBuild = { dir: string; base: string };

/** Builds `dir` for `base` with `npm run build` unless it is up to date; says which. */
export function ensureSiteBuilt(root: string, build: SiteBuild, log: (line: string) => void) {
  if (isUpToDate(root, build)) {
    log(`${build.dir}/ is up to date with the sources`);
    return;
  }
  log(`${build.dir}/ is missing or was built from other sources: building it (npm run build)`);
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...buildEnvironment(process.env), DIST_DIR: build.dir, BASE_PATH: build.base },
  });
}

/** The environment without what a test runner sets (NODE_ENV=test would change the build). */
function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
}
