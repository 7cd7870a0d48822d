import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the password it hashed and no other, with a fresh salt each time', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$N=32768,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('reads the parameters stored with a hash, so they can be raised later', async () => {
    const stored = await hashPassword('p');
    const lower = stored.replace('N=32768', 'N=16384');
    // Another N gives another key: the stored parameters are used, not the current ones.
    expect(await verifyPassword('p', lower)).toBe(false);
  });

  it('says no for an account without a password or a malformed hash', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'plain')).toBe(false);
  });
});
