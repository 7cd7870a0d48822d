import type { FastifyInstance } from 'fastify';
import { addAccount } from '../accounts/accounts-store';
import { createSession } from '../accounts/sessions';
import type { Role } from '../db/schema';
import { SESSION_COOKIE } from '../plugins/auth';

/** An account with this role and a live session: the Cookie header that signs a request in. */
export async function sessionFor(app: FastifyInstance, role: Role, email = `${role}@example.com`) {
  const account = await addAccount(app.db, { email, role, passwordHash: null });
  const { token } = await createSession(app.db, account.id);
  return { account, token, cookie: `${SESSION_COOKIE}=${token}` };
}

/** The origin `inject` requests are addressed to (Host: localhost:80): the app's own. */
export const OWN_ORIGIN = 'http://localhost:80';
