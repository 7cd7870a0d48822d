import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson, retryTransientErrors } from '../lib/fetch-public-file';

export type SignedInAccount = { email: string; role: 'author' | 'publisher' | 'admin' };

function readAccount(json: unknown): SignedInAccount | null {
  const account = (json as { account?: unknown } | null)?.account;
  if (typeof account !== 'object' || account === null) return null;
  const { email, role } = account as { email?: unknown; role?: unknown };
  if (typeof email !== 'string') return null;
  return role === 'author' || role === 'publisher' || role === 'admin' ? { email, role } : null;
}

/**
 * Who is signed in to the Troubleshooter server: GET /api/session answers `{ account }`,
 * null when nobody is (asking sets no cookie). Ask only where config.json says a server
 * runs the site (`server: true`, configQueryOptions): a static host has no API, and
 * asking it would only log a 404 (docs/decisions/0028-sign-in.md).
 */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ['session'],
    queryFn: async ({ signal }) => readAccount(await fetchPublicJson('api/session', signal)),
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}
