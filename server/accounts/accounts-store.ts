import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { accounts, type Role } from '../db/schema';

export type Account = { id: number; email: string; role: Role };

/** Emails are compared and stored lower-case (the schema checks it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The longest address that can be delivered to (RFC 5321: a path of 256, less the brackets). */
export const MAX_EMAIL_LENGTH = 254;
/** The longest part before the @ (RFC 5321, 4.5.3.1.1). */
export const MAX_EMAIL_LOCAL_LENGTH = 64;

/**
 * A plausible email address: one @, something either side, no spaces or angle brackets, and
 * within the lengths mail can be delivered to (64 before the @, 254 in all).
 */
export function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  return (
    value.length <= MAX_EMAIL_LENGTH &&
    at <= MAX_EMAIL_LOCAL_LENGTH &&
    /^[^\s@<>]+@[^\s@<>]+$/.test(value)
  );
}

const PUBLIC = { id: accounts.id, email: accounts.email, role: accounts.role } as const;

export async function findAccountByEmail(db: Database, email: string) {
  const [row] = await db
    .select({
      ...PUBLIC,
      passwordHash: accounts.passwordHash,
      oidcIssuer: accounts.oidcIssuer,
      oidcSubject: accounts.oidcSubject,
    })
    .from(accounts)
    .where(eq(accounts.email, normaliseEmail(email)));
  return row;
}

export async function listAccounts(db: Database) {
  return db
    .select({
      ...PUBLIC,
      hasPassword: accounts.passwordHash,
      oidcIssuer: accounts.oidcIssuer,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .orderBy(asc(accounts.email));
}

export async function addAccount(
  db: Database,
  account: { email: string; role: Role; passwordHash: string | null },
): Promise<Account> {
  const [row] = await db
    .insert(accounts)
    .values({
      email: normaliseEmail(account.email),
      role: account.role,
      passwordHash: account.passwordHash,
    })
    .returning(PUBLIC);
  if (!row) throw new Error('the account was not added');
  return row;
}

/** Removes the account; its sessions go with it (on delete cascade). */
export async function removeAccount(db: Database, email: string): Promise<Account | undefined> {
  const [row] = await db
    .delete(accounts)
    .where(eq(accounts.email, normaliseEmail(email)))
    .returning(PUBLIC);
  return row;
}

export async function setRole(
  db: Database,
  email: string,
  role: Role,
): Promise<Account | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ role })
    .where(eq(accounts.email, normaliseEmail(email)))
    .returning(PUBLIC);
  return row;
}

export async function setPasswordHash(db: Database, email: string, passwordHash: string | null) {
  const [row] = await db
    .update(accounts)
    .set({ passwordHash })
    .where(eq(accounts.email, normaliseEmail(email)))
    .returning(PUBLIC);
  return row;
}
