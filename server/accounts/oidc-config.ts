import { isRole } from './roles';
import type { Role } from '../db/schema';

/**
 * OpenID Connect sign-in, configured from the environment (docs/server.md):
 *
 *   OIDC_ISSUER         https://login.microsoftonline.com/<tenant>/v2.0
 *   OIDC_CLIENT_ID      the application (client) id
 *   OIDC_CLIENT_SECRET  its secret
 *   OIDC_REDIRECT_URI   https://help.example/sign-in/oidc/callback (registered at the provider)
 *   OIDC_NAME           the button's text: "Sign in with <OIDC_NAME>" (default "single sign-on")
 *   OIDC_ROLE_CLAIM     optional: the claim holding groups or app roles, such as "groups" or "roles"
 *   OIDC_ROLE_MAP       with it: "kb-admins=admin,kb-publishers=publisher,kb-authors=author"
 *
 * Without a role mapping, a person signs in only to an account an admin made for their email
 * (`npm run users -- add EMAIL --role ROLE`, no password needed), with the role given there.
 * With one, the provider decides: the highest role the person's claim maps to, at every
 * sign-in (an account is made the first time); no mapped role, no entry.
 */
export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  name: string;
  roleClaim: string | null;
  roleMap: Map<string, Role>;
  /** Plain http to the provider: tests with a local provider only. */
  allowInsecure: boolean;
};

export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = env;
  if (!OIDC_ISSUER) return null;
  const missing = Object.entries({ OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI })
    .filter(([, value]) => !value)
    .map(([key]) => key);
  if (missing.length > 0) throw new Error(`OIDC_ISSUER is set, but not ${missing.join(', ')}`);
  const roleMap = new Map<string, Role>();
  for (const pair of (env.OIDC_ROLE_MAP ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !isRole(role)) {
      throw new Error(
        `OIDC_ROLE_MAP: "${pair}" is not group=role with role author, publisher or admin`,
      );
    }
    roleMap.set(pair.slice(0, at).trim(), role);
  }
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() || null;
  if (roleClaim && roleMap.size === 0)
    throw new Error('OIDC_ROLE_CLAIM is set, but OIDC_ROLE_MAP maps nothing');
  const issuer = new URL(OIDC_ISSUER);
  return {
    issuer,
    clientId: OIDC_CLIENT_ID ?? '',
    clientSecret: OIDC_CLIENT_SECRET ?? '',
    redirectUri: OIDC_REDIRECT_URI ?? '',
    name: env.OIDC_NAME?.trim() || 'single sign-on',
    roleClaim,
    roleMap,
    allowInsecure:
      issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname),
  };
}

/** The highest role the claim's values map to, if any. */
export function roleFromClaims(
  claims: Record<string, unknown>,
  settings: OidcSettings,
): Role | null {
  if (!settings.roleClaim) return null;
  const value = claims[settings.roleClaim];
  const values = Array.isArray(value) ? value : [value];
  const roles = values.flatMap((entry) => {
    const role = typeof entry === 'string' ? settings.roleMap.get(entry) : undefined;
    return role ? [role] : [];
  });
  for (const role of ['admin', 'publisher', 'author'] as const)
    if (roles.includes(role)) return role;
  return null;
}
