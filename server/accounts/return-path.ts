/**
 * Where to send a person after signing in: a path on this site only. Anything else (another
 * host, `//host`, `/\host`, a scheme) becomes the home page, so a link to /sign-in cannot
 * forward a fresh session to someone else's page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return '/';
  if (/[\u0000-\u001f\\]/.test(value)) return '/';
  const base = 'http://return.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/sign-in') || path.startsWith('/sign-out') ? '/' : path;
}
