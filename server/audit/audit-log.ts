import { and, count, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';

/**
 * What the audit log records (docs/decisions/0028-sign-in.md). Publishes and restores are
 * added by the routes that make them.
 */
export type AuditAction =
  | 'sign-in'
  | 'sign-in.failed'
  | 'sign-in.refused'
  | 'sign-out'
  | 'account.added'
  | 'account.removed'
  | 'account.role-changed'
  | 'account.password-changed'
  | 'settings.changed'
  | 'webhook.added'
  | 'webhook.removed'
  | 'webhook.resent'
  | 'report.status-changed'
  | 'review.changed'
  // Review and publishing (docs/decisions/0030-review-and-publish.md).
  | 'submission.submitted'
  | 'submission.sent-back'
  | 'submission.withdrawn'
  | 'tree.published'
  | 'tree.restored'
  | 'publishing.settings-changed';

export type Actor = { id: number; email: string } | null;

export async function recordAudit(
  db: Database,
  entry: {
    actor: Actor;
    action: AuditAction;
    subject?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    subject: entry.subject ?? null,
    details: entry.details ?? {},
  });
}

/** A page of the log, newest first; `before` is the id of the last entry already shown. */
export async function listAudit(db: Database, options: { before?: number; limit: number }) {
  return db
    .select()
    .from(auditEvents)
    .where(options.before ? lt(auditEvents.id, options.before) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}

/**
 * Failed sign-ins since a moment, for one email and from one address. Counted from the
 * audit log, which every process writes to, so the limit holds however many run.
 */
export async function countFailedSignIns(
  db: Database,
  options: { email: string; ip: string; since: Date },
): Promise<{ forEmail: number; fromIp: number }> {
  const recent = and(eq(auditEvents.action, 'sign-in.failed'), gt(auditEvents.at, options.since));
  const [[forEmail], [fromIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(recent, eq(auditEvents.subject, options.email))),
    db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(recent, sql`${auditEvents.details}->>'ip' = ${options.ip}`)),
  ]);
  return { forEmail: forEmail?.n ?? 0, fromIp: fromIp?.n ?? 0 };
}
