/**
 * The helpdesk's context of a walk: the ticket it is for and the client (machine or person)
 * it is about, passed in with the address (`?ticket=INC0012345&client=WS-0042`) or the
 * embed's mount options. Kept in every step's address so that Back, Forward and a reload
 * keep it; put into the ticket text and the events; left out of "Share this step"
 * (docs/tickets.md, docs/decisions/0036-tickets-context-and-webhooks.md).
 */
export type WalkContext = { ticket?: string; client?: string };

export const WALK_CONTEXT_PARAMS = ['ticket', 'client'] as const;

/** Letters, digits and the punctuation ticket numbers and host names use; at most 64. */
const VALUE = /^[\p{L}\p{N}][\p{L}\p{N} ._:#/-]{0,63}$/u;

/** The context an address carries; a value that is not plainly a ticket or client id is dropped. */
export function parseWalkContext(search: string): WalkContext {
  const params = new URLSearchParams(search);
  const context: WalkContext = {};
  for (const name of WALK_CONTEXT_PARAMS) {
    const value = params.get(name)?.trim();
    if (value && VALUE.test(value)) context[name] = value;
  }
  return context;
}

export function hasWalkContext(context: WalkContext): boolean {
  return context.ticket !== undefined || context.client !== undefined;
}

/** An app href with the context added to its query (nothing added when there is none). */
export function withWalkContext(href: string, context: WalkContext): string {
  if (!hasWalkContext(context)) return href;
  const [path = '', query = ''] = href.split('?', 2);
  const params = new URLSearchParams(query);
  for (const name of WALK_CONTEXT_PARAMS) {
    const value = context[name];
    if (value) params.set(name, value);
    else params.delete(name);
  }
  // Slashes between slugs (?was=a/b) stay readable, as paths.ts writes them.
  return `${path}?${params.toString().replace(/%2F/g, '/')}`;
}

/** An address without the context, for a link the person shares. */
export function withoutWalkContext(href: string): string {
  const url = new URL(href);
  for (const name of WALK_CONTEXT_PARAMS) url.searchParams.delete(name);
  return url.href.replace(/%2F/g, '/');
}
