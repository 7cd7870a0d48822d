// Runs the server build of src/prerender/prerender-site.ts over dist/.
// `npm run build` calls it after the client and server builds.
import { prerenderSite } from '../dist-ssr/prerender-site.js';

await prerenderSite({ distDir: process.env.DIST_DIR ?? 'dist' });
