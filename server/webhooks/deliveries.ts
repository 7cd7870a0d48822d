// Webhook deliveries (issue 26): each event is stored once per endpoint that wants it, then
// POSTed, signed, and retried with growing waits until it is accepted (2xx) or the attempts
// run out; every attempt is logged for the admin, who can send a delivery again.
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../db/database';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookEvent,
} from '../db/schema';
import { SIGNATURE_HEADER, signWebhook } from './signature';

export type DeliveryOptions = {
  /** How many attempts in all (the first one included). */
  attempts: number;
  /** Waits before attempt `n` (2, 3, …): injectable, so tests need no sleeps. */
  wait: (attempt: number) => Promise<void>;
  /** The clock the signatures carry, in seconds. */
  now: () => number;
  /** Longest wait for an answer, in milliseconds. */
  timeoutMs: number;
  /**
   * Aborted when the server closes: a delivery stops where it is (an attempt under way is cut
   * off, no wait is served) and writes nothing more, so it stays "pending" in the log.
   */
  stop?: AbortSignal | undefined;
};

export type DeliveryOutcome = 'delivered' | 'failed' | 'stopped';

/** 10 s, 1 min, 6 min, 36 min: five attempts over about 43 minutes. */
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  attempts: 5,
  wait: (attempt) =>
    new Promise((resolve) => setTimeout(resolve, 10_000 * 6 ** (attempt - 2)).unref()),
  now: () => Math.floor(Date.now() / 1000),
  timeoutMs: 10_000,
};

/** An endpoint address: https:, or http: on this machine (a receiver under test). */
export function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return (
      url.protocol === 'http:' && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)
    );
  } catch {
    return false;
  }
}

/** One POST, signed; the HTTP status, or the error when none came. */
async function attempt(
  url: string,
  secret: string,
  event: string,
  body: string,
  options: DeliveryOptions,
): Promise<{ httpStatus: number | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'troubleshooter-event': event,
        [SIGNATURE_HEADER]: signWebhook(secret, body, options.now()),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any(
        [AbortSignal.timeout(options.timeoutMs), options.stop].filter((signal) => !!signal),
      ),
    });
    await response.body?.cancel();
    return { httpStatus: response.status, error: null };
  } catch (error) {
    return { httpStatus: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The wait before an attempt, cut short when the server closes. */
async function waitUnlessStopped(wait: Promise<void>, stop: AbortSignal | undefined) {
  if (!stop) return wait;
  let onAbort = () => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    stop.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([wait, aborted]);
  } finally {
    // The signal lives as long as the app: a wait served in full leaves no listener on it.
    stop.removeEventListener('abort', onAbort);
  }
}

/**
 * Runs a delivery's attempts until one is accepted or they run out; returns its final status,
 * or "stopped" when the server closed meanwhile.
 */
export async function runDelivery(
  db: Database,
  deliveryId: number,
  options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
): Promise<DeliveryOutcome> {
  const stop = options.stop;
  if (stop?.aborted) return 'stopped';
  const [row] = await db
    .select({
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      event: webhookDeliveries.event,
      body: webhookDeliveries.body,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return 'failed';
  await db
    .update(webhookDeliveries)
    .set({ status: 'pending' })
    .where(eq(webhookDeliveries.id, deliveryId));
  for (let n = 1; n <= options.attempts; n += 1) {
    if (n > 1) await waitUnlessStopped(options.wait(n), stop);
    if (stop?.aborted) return 'stopped';
    const result = await attempt(row.url, row.secret, row.event, row.body, options);
    // Cut off by the close: not the endpoint's failure, and the database is closing.
    if (stop?.aborted) return 'stopped';
    await db.insert(webhookAttempts).values({ deliveryId, ...result });
    if (result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300) {
      await db
        .update(webhookDeliveries)
        .set({ status: 'delivered' })
        .where(eq(webhookDeliveries.id, deliveryId));
      return 'delivered';
    }
  }
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(eq(webhookDeliveries.id, deliveryId));
  return 'failed';
}

/**
 * Stores an event for every endpoint that wants it and starts each delivery; resolves with
 * the deliveries' outcomes (callers in a request do not wait for them).
 */
export async function queueWebhookEvent(
  db: Database,
  event: WebhookEvent,
  payload: Record<string, unknown>,
  options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
): Promise<{ started: Promise<DeliveryOutcome[]> }> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints);
  const wanted = endpoints.filter((endpoint) => endpoint.events.includes(event));
  const body = JSON.stringify({ event, at: new Date().toISOString(), data: payload });
  const ids: number[] = [];
  for (const endpoint of wanted) {
    const [created] = await db
      .insert(webhookDeliveries)
      .values({ endpointId: endpoint.id, event, body, status: 'pending' })
      .returning({ id: webhookDeliveries.id });
    if (created) ids.push(created.id);
  }
  return { started: Promise.all(ids.map((id) => runDelivery(db, id, options))) };
}

export type DeliveryLogEntry = {
  id: number;
  event: string;
  status: string;
  createdAt: string;
  attempts: { at: string; httpStatus: number | null; error: string | null }[];
};

/** An endpoint's deliveries, newest first, each with its attempts in order. */
export async function listDeliveries(
  db: Database,
  endpointId: number,
  { before, limit }: { before?: number | undefined; limit: number },
): Promise<DeliveryLogEntry[]> {
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        before ? lt(webhookDeliveries.id, before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  const attempts =
    deliveries.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              deliveries.map((delivery) => delivery.id),
            ),
          )
          .orderBy(asc(webhookAttempts.id));
  return deliveries.map((delivery) => ({
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    createdAt: delivery.createdAt.toISOString(),
    attempts: attempts
      .filter((entry) => entry.deliveryId === delivery.id)
      .map((entry) => ({
        at: entry.at.toISOString(),
        httpStatus: entry.httpStatus,
        error: entry.error,
      })),
  }));
}
