import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { accounts } from '../db/schema';
import { isEmail, normaliseEmail, type Account } from './accounts-store';
import { roleFromClaims, type OidcSettings } from './oidc-config';

export class OidcRefusal extends Error {
  override name = 'OidcRefusal';
}

/**
 * The account an identity from the provider signs in to (docs/decisions/0028-sign-in.md).
 * Matched by issuer and subject once linked; the first time by the email claim, which the
 * provider must not say is unverified. An account linked to another subject is never taken
 * over by a matching email.
 */
export async function accountForIdentity(
  db: Database,
  claims: Record<string, unknown>,
  settings: OidcSettings,
): Promise<Account> {
  const issuer = settings.issuer.href;
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  const rawEmail = typeof claims.email === 'string' ? claims.email : '';
  const email = normaliseEmail(rawEmail);
  if (!subject) throw new OidcRefusal('The identity provider did not say who you are.');
  const mappedRole = roleFromClaims(claims, settings);
  if (settings.roleClaim && !mappedRole) {
    throw new OidcRefusal(
      `Your account at ${settings.name} has no role here. Ask an admin to add you to one of the groups that give access.`,
    );
  }
  const select = {
    id: accounts.id,
    email: accounts.email,
    role: accounts.role,
    oidcSubject: accounts.oidcSubject,
  };
  let [row] = await db
    .select(select)
    .from(accounts)
    .where(and(eq(accounts.oidcIssuer, issuer), eq(accounts.oidcSubject, subject)));
  if (!row) {
    if (!email || !isEmail(email))
      throw new OidcRefusal('The identity provider did not give an email address.');
    if (claims.email_verified === false) {
      throw new OidcRefusal('The identity provider says your email address is not verified.');
    }
    [row] = await db.select(select).from(accounts).where(eq(accounts.email, email));
    if (row?.oidcSubject) {
      throw new OidcRefusal(`The account for ${email} belongs to another identity. Ask an admin.`);
    }
    if (row) {
      await db
        .update(accounts)
        .set({ oidcIssuer: issuer, oidcSubject: subject })
        .where(eq(accounts.id, row.id));
    } else if (mappedRole) {
      [row] = await db
        .insert(accounts)
        .values({ email, role: mappedRole, oidcIssuer: issuer, oidcSubject: subject })
        .returning(select);
      if (row) {
        await recordAudit(db, {
          actor: null,
          action: 'account.added',
          subject: email,
          details: { role: mappedRole, by: settings.name },
        });
      }
    }
  }
  if (!row) {
    throw new OidcRefusal(`There is no account for ${email}. Ask an admin to add one.`);
  }
  if (mappedRole && mappedRole !== row.role) {
    await db.update(accounts).set({ role: mappedRole }).where(eq(accounts.id, row.id));
    await recordAudit(db, {
      actor: null,
      action: 'account.role-changed',
      subject: row.email,
      details: { from: row.role, to: mappedRole, by: settings.name },
    });
    row = { ...row, role: mappedRole };
  }
  return { id: row.id, email: row.email, role: row.role };
}
