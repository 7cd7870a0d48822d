// The settings every response needs (config.json, the CSP's frame-ancestors), kept in memory
// and reloaded when any server process changes them: PostgreSQL LISTEN/NOTIFY, so a change
// made through one process is served by all within moments (docs/decisions/0026-server.md).
import fp from 'fastify-plugin';
import {
  readClientConfig,
  SETTINGS_CHANGED,
  writeSettings,
  type ClientConfig,
  type SettingsChange,
} from '../settings/settings';

declare module 'fastify' {
  interface FastifyInstance {
    settings: {
      /** The settings as config.json, as last read from the database. */
      current(): ClientConfig;
      /** Reads them again (after a change, a notification or a lost connection). */
      reload(): Promise<void>;
      /** writeSettings on this app's database, then reload here without waiting. */
      write(change: SettingsChange, actorId: number | null): Promise<void>;
      /** Calls `listener` after each reload (the static site recomputes its CSP). */
      onChange(listener: (config: ClientConfig) => void): void;
    };
  }
}

export const settingsPlugin = fp(
  async (app) => {
    let current = await readClientConfig(app.db);
    const listeners: ((config: ClientConfig) => void)[] = [];
    // Reloads run one at a time, and a reload asked for during one runs again after it, so
    // the last notification is always followed by a read that saw its change.
    let running: Promise<void> | undefined;
    let again = false;
    const reload = async (): Promise<void> => {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          current = await readClientConfig(app.db);
          for (const listener of listeners) listener(current);
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    };
    const reloadLogged = () =>
      void reload().catch((error: unknown) => app.log.error({ err: error }, 'settings reload'));
    const unlisten = await app.database.listen(SETTINGS_CHANGED, reloadLogged, reloadLogged);
    app.addHook('onClose', async () => {
      await unlisten();
      await running?.catch(() => {});
    });

    app.decorate('settings', {
      current: () => current,
      reload,
      async write(change: SettingsChange, actorId: number | null) {
        await writeSettings(app.db, change, actorId);
        await reload();
      },
      onChange(listener: (config: ClientConfig) => void) {
        listeners.push(listener);
      },
    });
  },
  { name: 'settings', dependencies: ['database'] },
);
