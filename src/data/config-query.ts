import { queryOptions } from '@tanstack/react-query';
import {
  fetchPublicJson,
  FileNotFoundError,
  FileNotJsonError,
  retryTransientErrors,
} from '../lib/fetch-public-file';
import { mailAddress, webAddress } from '../engine/escalation-address';
import { isOrigin } from '../lib/origins';
import { readTicketSettings, type TicketSettings } from '../engine/ticket-links';

export type Escalation = { label: string; href?: string };
export type AppConfig = {
  embed: { allowedOrigins: string[] };
  escalation?: Escalation;
  /** "Open a ticket": the helpdesk's new-ticket form (docs/tickets.md). */
  tickets?: TicketSettings;
  /** Where "Report a problem with this step" writes to in a static build (docs/tickets.md). */
  reportEmail?: string;
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

/** config.json `tickets`: checked, and refused with a console message saying why. */
function readTicketsEntry(json: unknown): TicketSettings | undefined {
  const value = (json as { tickets?: unknown } | null)?.tickets;
  if (value === undefined) return undefined;
  const read = readTicketSettings(value);
  if ('problem' in read) {
    console.warn(`Troubleshooter: config.json ${read.problem} "Open a ticket" is left out.`);
    return undefined;
  }
  return read.settings;
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
      const tickets = readTicketsEntry(json);
      const reportEmail = (json as { reportEmail?: unknown } | null)?.reportEmail;
      return {
        ...(tickets ? { tickets } : {}),
        ...(typeof reportEmail === 'string' &&
        /^[^\s@<>?&,;:/"]+@[^\s@<>?&,;:/"]+$/.test(reportEmail)
          ? { reportEmail }
          : {}),
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
 * The parent the frame is really in, where the browser says (location.ancestorOrigins), or
 * else the one embed.js claimed: what a warning about a parent that is not allowed names.
 */
export function actualParentOrigin(
  claimed: string,
  own: { ancestorOrigins?: DOMStringList },
): string {
  return own.ancestorOrigins?.[0] ?? claimed;
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
