/**
 * Where to send a person after signing in: a path on this site only (under its base path).
 * Nothing (no page to go back to) or anything else (another host, `//host`, `/\host`, a
 * scheme) becomes the staff overview, `/admin`, so a link to the sign-in page cannot forward a
 * fresh session to someone else's page.
 */
export function safeReturnPath(value: unknown, base: string): string {
  const overview = `${base}admin`;
  if (typeof value !== 'string' || !value.startsWith(base) || value.length > 2000) return overview;
  // Control characters and backslashes (which browsers read as slashes): not a path of ours.
  if ([...value].some((char) => char < ' ' || char === '\\')) return overview;
  const origin = 'http://return.invalid';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return overview;
  }
  if (url.origin !== origin || !url.pathname.startsWith(base)) return overview;
  const rest = url.pathname.slice(base.length);
  if (rest.startsWith('sign-in') || rest.startsWith('sign-out')) return overview;
  return `${url.pathname}${url.search}${url.hash}`;
}
