import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../testing/test-app';
import { listAudit } from '../audit/audit-log';
import { findAccountByEmail } from '../accounts/accounts-store';
import { verifyPassword } from '../accounts/password';
import { createSession, findSessionAccount } from '../accounts/sessions';
import { runUsersCommand } from './users';

/** Runs `npm run users -- …` with this standard input; returns what it printed. */
async function users(app: FastifyInstance, argv: string[], stdin = '') {
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([stdin]) as typeof process.stdin);
  const lines: string[] = [];
  await runUsersCommand(app.db, argv, (line) => lines.push(line));
  return lines.join('\n');
}

describe('npm run users', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await buildTestApp();
  });
  const addKim = () =>
    users(app, ['add', 'kim@example.com', '--role', 'publisher'], 'a long password\n');

  it('adds an account with the password from standard input, and records it', async () => {
    expect(
      await users(app, ['add', 'Kim@Example.com', '--role', 'publisher'], 'a long password\n'),
    ).toBe('Added kim@example.com as publisher.');
    const account = await findAccountByEmail(app.db, 'kim@example.com');
    expect(account?.role).toBe('publisher');
    expect(await verifyPassword('a long password', account?.passwordHash ?? null)).toBe(true);
    const [entry] = await listAudit(app.db, { limit: 1 });
    expect(entry).toMatchObject({
      action: 'account.added',
      subject: 'kim@example.com',
      details: { role: 'publisher' },
    });
  });

  it('refuses a short password, an unknown role, a second account for one email', async () => {
    await addKim();
    await expect(
      users(app, ['add', 'lee@example.com', '--role', 'author'], 'short\n'),
    ).rejects.toThrow('at least 10 characters');
    await expect(
      users(app, ['add', 'lee@example.com', '--role', 'root'], 'a long password\n'),
    ).rejects.toThrow('--role must be author, publisher or admin');
    await expect(
      users(app, ['add', 'kim@example.com', '--role', 'author'], 'a long password\n'),
    ).rejects.toThrow('already an account');
    expect(await findAccountByEmail(app.db, 'lee@example.com')).toBeUndefined();
  });

  it('refuses an address longer than mail allows: 64 before the @, 254 in all', async () => {
    const local64 = `${'k'.repeat(64)}@example.com`;
    expect(await users(app, ['add', local64, '--role', 'author'], 'a long password\n')).toBe(
      `Added ${local64} as author.`,
    );
    for (const address of [
      `${'k'.repeat(65)}@example.com`,
      `${'k'.repeat(300)}@example.com`,
      `kim@${'e'.repeat(247)}.com`,
    ]) {
      await expect(
        users(app, ['add', address, '--role', 'author'], 'a long password\n'),
      ).rejects.toThrow('at most 64 characters before the @ and 254 in all');
      expect(await findAccountByEmail(app.db, address)).toBeUndefined();
    }
  });

  it('lists, changes a role, and removes an account, which ends its sessions', async () => {
    await addKim();
    await users(app, ['add', 'oidc@example.com', '--role', 'author', '--no-password']);
    expect(await users(app, ['list'])).toBe(
      'kim@example.com\tpublisher\tpassword\noidc@example.com\tauthor\tno way to sign in yet',
    );
    expect(await users(app, ['set-role', 'kim@example.com', 'admin'])).toBe(
      'kim@example.com is now admin.',
    );
    const account = await findAccountByEmail(app.db, 'kim@example.com');
    const { token } = await createSession(app.db, account?.id ?? 0);
    expect(await findSessionAccount(app.db, token)).toMatchObject({ role: 'admin' });
    expect(await users(app, ['remove', 'kim@example.com'])).toBe(
      'Removed kim@example.com; its sessions have ended.',
    );
    expect(await findSessionAccount(app.db, token)).toBeUndefined();
    const actions = (await listAudit(app.db, { limit: 3 })).map((entry) => entry.action);
    expect(actions).toEqual(['account.removed', 'account.role-changed', 'account.added']);
  });
});
