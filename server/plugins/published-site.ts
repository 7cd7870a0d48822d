// The folder the site is served from (docs/decisions/0030-review-and-publish.md): the build
// (`dist/`) until the first publish, then the live generation's folder, which the database
// names. Every process follows the database: at start it serves the live generation
// (making its folder first when this disk has none, as on another machine or after a new
// build), and a publish anywhere reaches it by NOTIFY, or by reading again after a lost
// connection.
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import type { Tree } from '../../src/engine/tree-schema';
import {
  buildStamp,
  closeRenderers,
  generationFolder,
  makeGeneration,
  newGenerationKey,
  removeOldGenerations,
  warmRenderers,
  type PublishStage,
  type SiteFolders,
} from '../publish/site-generation';
import {
  checkForPublishing,
  commitPublish,
  currentVersion,
  liveGeneration,
  PublishOutdated,
  PublishRefused,
  SITE_PUBLISHED,
  versionsUpTo,
  type Generation,
  type PublishRecord,
} from '../publish/publish-tree';
import { siteGenerations } from '../db/schema';
import { desc } from 'drizzle-orm';

declare module 'fastify' {
  interface FastifyInstance {
    publishedSite: {
      /** The folder serving the site now. */
      dir(): string;
      /** The live generation's id (0: the build as shipped). */
      generation(): number;
      /**
       * Publishes `tree` as the next version of its troubleshooter; resolves once this
       * process serves it. A tree the rulebook refuses throws PublishRefused; one made from a
       * live version (`record.liveVersion`) that is no longer live throws PublishOutdated.
       */
      publish(tree: Tree, record: PublishRecord): Promise<{ version: number; pages: number }>;
    };
  }
}

export type PublishedSiteOptions = {
  siteDir: string;
  publishDir: string;
  basePath: string;
  /** Tests only: stop a publish at this stage, saying so on standard output. */
  holdAt?: PublishStage | undefined;
  /** Start the renderer once the server listens (`npm start`), not at the first publish. */
  warmRenderer?: boolean;
};

export const publishedSitePlugin = fp<PublishedSiteOptions>(
  async (app, options) => {
    const folders: SiteFolders = {
      distDir: options.siteDir,
      publishDir: options.publishDir,
      basePath: options.basePath,
    };
    let served = { dir: options.siteDir, generation: 0, key: '' };

    const hold = async (stage: PublishStage) => {
      if (options.holdAt !== stage) return;
      console.log(`troubleshooter: publish held at ${stage}`);
      await new Promise(() => {});
    };

    /** The folder of a generation on this disk, made from the database when missing. */
    const folderOf = async (generation: Generation): Promise<string> => {
      const folder = generationFolder(folders, generation.key, await buildStamp(folders.distDir));
      if (existsSync(folder)) return folder;
      const versions = await versionsUpTo(app.db, generation.treeVersionsUpTo);
      const made = await makeGeneration(folders, {
        key: generation.key,
        versions,
        changed: new Set(),
        previous: served.generation > 0 ? served.dir : null,
      });
      return made.folder;
    };

    const keepKeys = async () =>
      (
        await app.db
          .select({ key: siteGenerations.key })
          .from(siteGenerations)
          .orderBy(desc(siteGenerations.id))
          .limit(2)
      ).map((row) => row.key);

    // Old folders are removed after a switch, one clean-up at a time, and nothing waits for
    // it: a publish is answered once it is live, not once the folders before it are gone.
    let cleaning: Promise<void> = Promise.resolve();
    const cleanUp = () => {
      cleaning = cleaning
        .then(async () => removeOldGenerations(folders.publishDir, await keepKeys()))
        .catch((error: unknown) => app.log.error({ err: error }, 'site: removing old folders'));
    };

    // Switches run one at a time, newest generation wins.
    let switching: Promise<void> = Promise.resolve();
    const follow = () => {
      switching = switching
        .then(async () => {
          const live = await liveGeneration(app.db);
          if (!live || live.id <= served.generation) return;
          const dir = await folderOf(live);
          served = { dir, generation: live.id, key: live.key };
          app.log.info(`site: serving generation ${live.id}`);
          cleanUp();
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'site: switching generation'));
      return switching;
    };

    // Publishes from this process, one at a time (others are serialised at commit).
    let queue: Promise<unknown> = Promise.resolve();

    // Before listening: the live generation, whole (made here if this disk has none).
    const live = await liveGeneration(app.db);
    if (live) served = { dir: await folderOf(live), generation: live.id, key: live.key };
    await removeOldGenerations(folders.publishDir, await keepKeys());
    const unlisten = await app.database.listen(SITE_PUBLISHED, follow, follow);
    app.addHook('onClose', async () => {
      await unlisten();
      await switching;
      await queue.catch(() => {});
      await cleaning;
      await closeRenderers();
    });
    // The renderer loads React and the app (about half a second of CPU): in the background
    // once the server is up, so that a publish does not wait for it.
    if (options.warmRenderer) {
      app.addHook('onListen', async () => {
        warmRenderers(folders).catch((error: unknown) =>
          app.log.warn(
            { err: error },
            'site: the renderer did not start; a publish will try again',
          ),
        );
      });
    }

    const publishOnce = async (tree: Tree, record: PublishRecord) => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const live = await liveGeneration(app.db);
        const current = await currentVersion(app.db, tree.id);
        // A tree made from the live version (a submission brought up to date) is not
        // published over a version that went live since; the commit checks the same.
        if (record.liveVersion !== undefined && (current?.version ?? null) !== record.liveVersion)
          throw new PublishOutdated(current?.version ?? null);
        const versions = await versionsUpTo(app.db, live?.treeVersionsUpTo);
        const next: Tree = { ...tree, version: (current?.version ?? 0) + 1 };
        const position = new Set(versions.map((entry) => entry.treeId)).has(tree.id)
          ? [...new Set(versions.map((entry) => entry.treeId))].indexOf(tree.id)
          : new Set(versions.map((entry) => entry.treeId)).size;
        const problems = checkForPublishing(next, position);
        if (problems.length > 0) {
          throw new PublishRefused('The troubleshooter does not pass the checks.', problems);
        }
        const key = newGenerationKey();
        const made = await makeGeneration(folders, {
          key,
          versions: [...versions, { treeId: next.id, version: next.version, tree: next }],
          changed: new Set([next.id]),
          previous: live ? await folderOf(live) : null,
          hold,
        });
        await hold('after-render');
        const committed = await commitPublish(app.db, {
          tree: next,
          key,
          basedOn: { generation: live?.id ?? null, version: current?.version ?? null },
          record,
        });
        if (committed === 'outdated') continue;
        await hold('after-commit');
        await follow();
        // What the audit log has in full, for whoever reads the server's log: no names.
        app.log.info(
          `site: ${record.restoredFrom === undefined ? 'published' : `restored version ${record.restoredFrom} of`} ${next.id} as version ${next.version} (${made.pages} pages)`,
        );
        return { version: next.version, pages: made.pages };
      }
      throw new Error('publish: other publishes kept going live first; try again');
    };

    app.decorate('publishedSite', {
      dir: () => served.dir,
      generation: () => served.generation,
      publish(tree, record) {
        const run = queue.then(() => publishOnce(tree, record));
        queue = run.catch(() => {});
        return run;
      },
    });
  },
  { name: 'published-site', dependencies: ['database'] },
);
