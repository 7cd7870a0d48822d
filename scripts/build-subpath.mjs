// Builds the app for https://HOST/helpdesk/troubleshooter/ into dist-subpath/, the way an
// intranet would deploy it under a sub-path. The browser tests serve and embed it.
import { execSync } from 'node:child_process';

execSync('npm run build', {
  stdio: 'inherit',
  env: { ...process.env, BASE_PATH: '/helpdesk/troubleshooter/', DIST_DIR: 'dist-subpath' },
});
