import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { accounts, sessions } from '../db/schema';
import type { Account } from './accounts-store';

/** How long a sign-in lasts: a working day and a bit, then sign in again. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Only this hash of a session's token is stored: a copy of the database signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a session for the account; returns the token for the cookie. */
export async function createSession(
  db: Database,
  accountId: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({ idHash: hashToken(token), accountId, expiresAt });
  // Expired sessions are swept at each sign-in: no timer, and no process has to own it.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

/** The account a session token belongs to, if the session exists and has not expired. */
export async function findSessionAccount(
  db: Database,
  token: string,
): Promise<Account | undefined> {
  const [row] = await db
    .select({ id: accounts.id, email: accounts.email, role: accounts.role })
    .from(sessions)
    .innerJoin(accounts, eq(sessions.accountId, accounts.id))
    .where(and(eq(sessions.idHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

export async function endSessionsOf(db: Database, accountId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

/**
 * Signs the account in: a new session and token at every sign-in (never the one the browser
 * came with, so a planted cookie is worth nothing), the browser's old session ended, and an
 * audit entry.
 */
export async function startSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
  method: 'password' | 'oidc',
) {
  if (request.sessionToken) await endSession(app.db, request.sessionToken);
  const { token } = await createSession(app.db, account.id);
  app.setSessionCookie(request, reply, token);
  // The account's number, not its address: the audit log has who, for the admins.
  request.log.info(`sign-in: account ${account.id} (${account.role}, ${method})`);
  await recordAudit(app.db, {
    actor: account,
    action: 'sign-in',
    subject: account.email,
    details: { method, ip: request.ip },
  });
}
