/**
 * Where to send a person after signing in: a path on this site only (under its base path).
 * Anything else (another host, `//host`, `/\host`, a scheme) becomes the home page, so a link
 * to the sign-in page cannot forward a fresh session to someone else's page.
 */
export function safeReturnPath(value: unknown, base: string): string {
  if (typeof value !== 'string' || !value.startsWith(base) || value.length > 2000) return base;
  // Control characters and backslashes (which browsers read as slashes): not a path of ours.
  if ([...value].some((char) => char < ' ' || char === '\\')) return base;
  const origin = 'http://return.invalid';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return base;
  }
  if (url.origin !== origin || !url.pathname.startsWith(base)) return base;
  const rest = url.pathname.slice(base.length);
  if (rest.startsWith('sign-in') || rest.startsWith('sign-out')) return base;
  return `${url.pathname}${url.search}${url.hash}`;
}
