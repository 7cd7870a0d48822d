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

// What Vitest puts in process.env for the code it tests (import.meta.env's fields among
// them): a build started from a test must not see them, or Vite builds another mode.
const TEST_RUNNER_VARIABLES = new Set([
  'NODE_ENV',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'TEST',
]);

/** The environment without what a test runner sets. */
function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) => !TEST_RUNNER_VARIABLES.has(name) && !name.startsWith('VITEST'),
    ),
  );
}
