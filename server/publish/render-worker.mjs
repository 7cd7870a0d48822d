// Renders a publish's pages off the server's event loop (server/publish/site-generation.ts):
// the server build of src/prerender/prerender-site.ts, as scripts/prerender.mjs runs it,
// limited to the published trees, the list and the search file. It stays loaded between
// publishes (React and the app load once), and renders one job at a time: its share of the
// pages when several workers render one publish (a core each).
import { parentPort, workerData } from 'node:worker_threads';

// React's production build, as the site's own prerender uses (three times faster).
process.env.NODE_ENV = 'production';

const { prerenderSite, SITE_BASE } = await import(workerData.ssrModule);
// A server build made for another base path (a test's sub-path build was the last one):
// the server makes one of its own and starts another worker.
if (SITE_BASE !== workerData.basePath) {
  parentPort.postMessage({ wrongBase: SITE_BASE });
} else {
  parentPort.postMessage({ ready: true });
  parentPort.on('message', async ({ id, folder, only, template, shard }) => {
    try {
      const report = await prerenderSite({
        distDir: folder,
        only: new Set(only),
        template,
        shard,
        log: () => {},
      });
      parentPort.postMessage({ id, pages: report.pages });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.stack : String(error) });
    }
  });
}
