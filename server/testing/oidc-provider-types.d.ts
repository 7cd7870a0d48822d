// oidc-provider ships no types; the tests use this much of it (a real provider, ADR 28).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Claims = Record<string, unknown> & { sub: string };
  // The package's own shape: a default export.
  // eslint-disable-next-line no-restricted-syntax
  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        claims?: Record<string, string[]>;
        conformIdTokenClaims?: boolean;
        findAccount?: (
          context: unknown,
          sub: string,
        ) => Promise<{ accountId: string; claims: () => Promise<Claims> }>;
        cookies?: { keys: string[] };
        features?: Record<string, unknown>;
      },
    );
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
    on(event: 'server_error', listener: (context: unknown, error: Error) => void): this;
  }
}
