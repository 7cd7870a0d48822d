// Builds the app for https://HOST/helpdesk/troubleshooter/ into dist-subpath/, the way an
// intranet would deploy it under a sub-path. The browser tests serve and embed it.
import { execSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const SUBPATH_BUILD = { dir: 'dist-subpath', base: '/helpdesk/troubleshooter/' };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  execSync('npm run build', {
    stdio: 'inherit',
    env: { ...process.env, BASE_PATH: SUBPATH_BUILD.base, DIST_DIR: SUBPATH_BUILD.dir },
  });
}
