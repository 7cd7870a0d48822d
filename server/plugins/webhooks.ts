// Webhook deliveries run in the background of the process that queued them; the app keeps
// them in view so that tests can wait for them. When the app closes they stop where they are,
// before the database closes: one cut short by a restart stays "pending" in the log, where the
// admin can send it again.
import fp from 'fastify-plugin';
import type { WebhookEvent } from '../db/schema';
import {
  DEFAULT_DELIVERY_OPTIONS,
  queueWebhookEvent,
  type DeliveryOptions,
} from '../webhooks/deliveries';

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: {
      options: DeliveryOptions;
      /** Stores the event for each endpoint that wants it and delivers it in the background. */
      send(event: WebhookEvent, payload: Record<string, unknown>): Promise<void>;
      /** Keeps a delivery in view. */
      track(delivery: Promise<unknown>): void;
      /** Resolves once no delivery is under way. */
      idle(): Promise<void>;
    };
  }
}

export type WebhooksPluginOptions = {
  /** Attempts, waits between them, clock: injectable, so tests need no sleeps. */
  delivery?: Partial<DeliveryOptions> | undefined;
};

export const webhooksPlugin = fp<WebhooksPluginOptions>(
  async (app, { delivery }) => {
    const closing = new AbortController();
    const options = { ...DEFAULT_DELIVERY_OPTIONS, ...delivery, stop: closing.signal };
    const running = new Set<Promise<unknown>>();
    const track = (work: Promise<unknown>) => {
      const settled = work.catch((error: unknown) => app.log.error(error, 'webhook delivery'));
      running.add(settled);
      void settled.finally(() => running.delete(settled));
    };
    const idle = async () => {
      while (running.size > 0) await Promise.all(running);
    };
    app.decorate('webhooks', {
      options,
      async send(event, payload) {
        const { started } = await queueWebhookEvent(app.db, event, payload, options);
        track(started);
      },
      track,
      idle,
    });
    // preClose, not onClose: the deliveries must be done with the database before its own
    // onClose hook closes it.
    app.addHook('preClose', async () => {
      closing.abort();
      await idle();
    });
  },
  { name: 'webhooks', dependencies: ['database'] },
);
