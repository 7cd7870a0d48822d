// Renders a publish's pages off the server's event loop (server/publish/site-generation.ts):
// the server build of src/prerender/prerender-site.ts, as scripts/prerender.mjs runs it,
// limited to the published trees, the list and the search file.
import { parentPort, workerData } from 'node:worker_threads';

// React's production build, as the site's own prerender uses (three times faster).
process.env.NODE_ENV = 'production';

const { prerenderSite, SITE_BASE } = await import(workerData.ssrModule);
// A server build made for another base path (a test's sub-path build was the last one):
// the server makes one of its own and asks again.
if (SITE_BASE !== workerData.basePath) {
  parentPort.postMessage({ wrongBase: SITE_BASE });
  process.exit(0);
}
const report = await prerenderSite({
  distDir: workerData.folder,
  only: new Set(workerData.only),
  template: workerData.template,
  log: () => {},
});
parentPort.postMessage({ pages: report.pages });
