import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { readOidcSettings, type OidcSettings } from '../accounts/oidc-config';

export const CLIENT_ID = 'troubleshooter';
const CLIENT_SECRET = 'a client secret for tests only';

/**
 * A real OpenID provider (oidc-provider, with its development login and consent pages) on a
 * free port of this machine, for the people given (by subject). Stopped with `close()`.
 */
export async function startTestProvider(
  redirectUri: string,
  people: Record<string, Record<string, unknown>>,
) {
  const server = createServer();
  // The client (undici, in openid-client) reuses idle connections: one closed by this server
  // at Node's default 5 s keep-alive just as a slow test reuses it would fail the request
  // ("other side closed"). Idle connections stay open for as long as a test may take.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['groups'] },
    conformIdTokenClaims: false,
    findAccount: async (_context, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, ...people[sub] }),
    }),
    cookies: { keys: ['a cookie key for tests only'] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', (_context, error) => console.warn(error));
  server.on('request', provider.callback());
  return {
    issuer,
    /** The Troubleshooter's settings for this provider, with more of the environment. */
    settings(env: Record<string, string> = {}): OidcSettings {
      const settings = readOidcSettings({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: redirectUri,
        OIDC_NAME: 'Example Corp',
        ...env,
      });
      if (!settings) throw new Error('no OpenID Connect settings');
      return settings;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
