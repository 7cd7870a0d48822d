import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson, FileNotFoundError, retryTransientErrors } from '../lib/fetch-public-file';

export type SignedInAccount = { email: string; role: 'author' | 'publisher' | 'admin' };

/**
 * Whether a Troubleshooter server runs this site, and who is signed in to it. The server
 * answers GET /api/session with `{ account }` (null when nobody is signed in, and no cookie is
 * set by asking); a static host has no such file and answers 404, which means "no server":
 * the editor then publishes by download (docs/decisions/0028-sign-in.md).
 */
export type ServerSession = { server: false } | { server: true; account: SignedInAccount | null };

function readAccount(json: unknown): SignedInAccount | null {
  const account = (json as { account?: unknown } | null)?.account;
  if (typeof account !== 'object' || account === null) return null;
  const { email, role } = account as { email?: unknown; role?: unknown };
  if (typeof email !== 'string') return null;
  return role === 'author' || role === 'publisher' || role === 'admin' ? { email, role } : null;
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ['session'],
    queryFn: async ({ signal }): Promise<ServerSession> => {
      try {
        return { server: true, account: readAccount(await fetchPublicJson('api/session', signal)) };
      } catch (error) {
        if (error instanceof FileNotFoundError) return { server: false };
        throw error;
      }
    },
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}
