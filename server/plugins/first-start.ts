// Registered after the database and before the settings: the first start on an empty
// database imports the shipped trees and config.json (server/site/import-shipped.ts).
import fp from 'fastify-plugin';
import { importShippedContent } from '../site/import-shipped';

export const firstStartPlugin = fp<{ siteDir: string }>(
  async (app, { siteDir }) => {
    const imported = await importShippedContent(app.db, siteDir, (line) => app.log.warn(line));
    if (imported) {
      app.log.info(
        `first start: imported ${imported.trees} tree files and config.json from ${siteDir}`,
      );
    }
  },
  { name: 'first-start', dependencies: ['database'] },
);
