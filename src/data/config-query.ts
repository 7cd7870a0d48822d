import { queryOptions } from '@tanstack/react-query';
import {
  fetchPublicJson,
  FileNotFoundError,
  FileNotJsonError,
  retryTransientErrors,
} from '../lib/fetch-public-file';
import { mailAddress, webAddress } from '../engine/escalation-address';
import { isOrigin } from '../lib/origins';

export type Escalation = { label: string; href?: string };
export type AppConfig = {
  embed: { allowedOrigins: string[] };
  escalation?: Escalation;
  /** A Troubleshooter server runs the site (its config.json says so; a static build's does not). */
  server?: true;
  /** config.json is there but could not be read: its settings do not apply (said in the console). */
  unreadable?: true;
};

/** config.json `escalation`: { label, url } or { label, email }; anything else is ignored. */
function readEscalation(value: unknown): Escalation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { label, url, email } = value as { label?: unknown; url?: unknown; email?: unknown };
  if (typeof label !== 'string' || label.trim() === '') return undefined;
  const checked =
    typeof url === 'string'
      ? webAddress(url)
      : typeof email === 'string'
        ? mailAddress(email)
        : undefined;
  if (checked && 'href' in checked) return { label, href: checked.href };
  if (checked) {
    console.warn(
      `Troubleshooter: config.json escalation: ${checked.problem}; the link is left out.`,
    );
  }
  return { label };
}

/**
 * public/config.json, read at run time so that it can be edited after deployment.
 * A missing file means the defaults; entries that are not bare origins are dropped
 * with a warning rather than trusted.
 */
export function configQueryOptions() {
  return queryOptions({
    queryKey: ['config'],
    queryFn: async ({ signal }): Promise<AppConfig> => {
      let json: unknown;
      try {
        json = await fetchPublicJson('config.json', signal);
      } catch (error) {
        if (error instanceof FileNotFoundError) return { embed: { allowedOrigins: [] } };
        // A file that is there but is not JSON (a trailing comma after an edit by hand) would
        // otherwise drop the escalation and every embed origin without a word.
        if (error instanceof FileNotJsonError && error.reason === 'incomplete') {
          console.warn(
            'Troubleshooter: config.json is not valid JSON (a trailing comma or a missing quote?), so none of its settings apply: no escalation, no embedding origins. Check it with a JSON validator.',
          );
          return { embed: { allowedOrigins: [] }, unreadable: true };
        }
        throw error;
      }
      const listed = (json as { embed?: { allowedOrigins?: unknown } } | null)?.embed
        ?.allowedOrigins;
      const list = Array.isArray(listed) ? listed : [];
      const origins = list.filter(isOrigin);
      if (origins.length !== list.length || (listed !== undefined && !Array.isArray(listed))) {
        console.warn(
          'Troubleshooter: config.json embed.allowedOrigins must be a list of origins such as "https://helpdesk.example"; other entries are ignored.',
        );
      }
      const escalation = readEscalation((json as { escalation?: unknown } | null)?.escalation);
      const server = (json as { server?: unknown } | null)?.server === true;
      return {
        embed: { allowedOrigins: origins },
        ...(escalation ? { escalation } : {}),
        ...(server ? { server } : {}),
      };
    },
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}

/**
 * Whether the frame may talk to its parent: the parent's origin is listed, or is the
 * wizard's own; and where the browser says who the parent really is
 * (location.ancestorOrigins), it is that origin.
 */
export function isParentAllowed(
  parentOrigin: string,
  config: AppConfig,
  own: { origin: string; ancestorOrigins?: DOMStringList },
): boolean {
  const listed = parentOrigin === own.origin || config.embed.allowedOrigins.includes(parentOrigin);
  const actual = own.ancestorOrigins?.[0];
  return listed && (actual === undefined || actual === parentOrigin);
}
