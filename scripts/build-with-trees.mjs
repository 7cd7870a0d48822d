// Builds sites that are the app with other troubleshooters: the browser tests' dist-large/,
// dist-many/ and dist-published/ (scripts/build-large.mjs, build-many-trees.mjs,
// build-published.mjs). The client, embed and server builds are the same for all of them
// (base path /, and the client build reads no tree), so they run once, into a folder each
// site is copied from; then each site gets its trees and its own prerender, which reads and
// checks every tree, writes every page and checks the budgets, as `npm run build` does.
//
// A site is described by { dir, base, addTrees(treesDir, root), env? }: `base` is what its
// stamp records beside the sources (scripts/fresh-build.mjs), so a change of shape builds
// it again; `env` is given to the prerender (LIST_PAGE_SIZE, say).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The client and embed builds, shared by the sites and removed once they are made. */
const SHARED = 'dist-shared-client';

export async function buildWithTrees(root, sites, { onBuilt = () => {} } = {}) {
  if (sites.length === 0) return;
  const shared = path.join(root, SHARED);
  const env = { ...process.env, BASE_PATH: '/', DIST_DIR: SHARED };
  const run = (script, args, extraEnv = {}) =>
    execFileSync(process.execPath, [path.join(root, script), ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, ...extraEnv },
    });
  const vite = (...args) =>
    run(path.join('node_modules', 'vite', 'bin', 'vite.js'), [
      'build',
      '--logLevel',
      'warn',
      ...args,
    ]);
  try {
    // The client build empties its folder first; the embed build adds to it. The server
    // build goes to dist-ssr/, where scripts/prerender.mjs finds it.
    vite();
    vite('-c', 'vite.embed.config.ts');
    vite('--ssr', 'src/prerender/prerender-site.ts');
    for (const site of sites) {
      const dir = path.join(root, site.dir);
      rmSync(dir, { recursive: true, force: true });
      cpSync(shared, dir, { recursive: true });
      await site.addTrees(path.join(dir, 'trees'), root);
      run('scripts/prerender.mjs', [], { DIST_DIR: site.dir, ...site.env });
      onBuilt(site);
    }
  } finally {
    rmSync(shared, { recursive: true, force: true });
  }
}
