import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { accounts, type Role } from '../db/schema';

export type Account = { id: number; email: string; role: Role };

/** Emails are compared and stored lower-case (the schema checks it). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible email address: one @, something either side, no spaces or angle brackets. */
export function isEmail(value: string): boolean {
  return value.length <= 320 && /^[^\s@<>]+@[^\s@<>]+$/.test(value);
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
