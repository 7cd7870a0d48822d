import { ROLES, type Role } from '../db/schema';

/**
 * The three roles, each including the ones before it (docs/decisions/0028-sign-in.md): a
 * publisher may do what an author does, an admin what a publisher does.
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether an account with role `held` may do what needs `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
