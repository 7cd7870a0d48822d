/** Methods that change nothing: the only ones that may come without a matching Origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The origins this server answers as: PUBLIC_ORIGIN (comma-separated, for a server behind a
 * proxy with several names) or, without it, the origin the request was addressed to (the
 * Host header and the protocol, which trustProxy reads from X-Forwarded-Proto).
 */
export function ownOrigins(
  configured: readonly string[],
  request: { protocol: string; host: string },
): string[] {
  return configured.length > 0 ? [...configured] : [`${request.protocol}://${request.host}`];
}

/**
 * Cross-site request forgery defence (docs/decisions/0028-sign-in.md): a state-changing
 * request must say where it comes from (browsers send Origin with every POST, PUT, PATCH and
 * DELETE, forms included), and that must be exactly one of the server's own origins.
 * `Origin: null` (sandboxed frames, some redirects) is refused too.
 */
export function isOriginAllowed(origin: string | undefined, own: readonly string[]): boolean {
  return origin !== undefined && own.includes(origin);
}

/** PUBLIC_ORIGIN's entries, each checked to be a bare origin. */
export function parseOriginList(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isBareOrigin(entry)) {
      throw new Error(
        `PUBLIC_ORIGIN: "${entry}" is not an origin such as https://help.example (scheme, host and port only)`,
      );
    }
  }
  return entries;
}

/** `https://host[:port]` exactly as a browser would write it in an Origin header. */
export function isBareOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
}
