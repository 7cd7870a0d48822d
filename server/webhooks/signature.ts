// Webhook signatures (docs/tickets.md): HMAC-SHA256 over "<timestamp>.<body>", sent as
// `Troubleshooter-Signature: t=<unix seconds>,v1=<hex>`, the scheme Stripe documents and
// Formbricks follows. The timestamp inside the signed text lets a receiver refuse replays.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'troubleshooter-signature';

/** A new endpoint's secret: 32 random bytes, as "whsec_" and base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for this body, signed now (or at `timestamp`, in seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and our tests, as one): the signature matches this body and secret,
 * and its timestamp is within `toleranceSeconds` of `now` (seconds).
 */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string | undefined,
  now: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
