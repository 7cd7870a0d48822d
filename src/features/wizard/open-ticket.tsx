import { useQuery } from '@tanstack/react-query';
import { configQueryOptions } from '../../data/config-query';
import { buildTicketLink, SYSTEM_NAMES, type TicketFields } from '../../engine/ticket-links';

/**
 * "Open a ticket": the helpdesk's new-ticket form, in a new tab, with the subject and the
 * ticket text filled in (engine/ticket-links.ts). Shown only when config.json (or the
 * server's settings) names a helpdesk; says so when the text had to be cut to fit.
 */
export function OpenTicket({ fields }: { fields: () => TicketFields }) {
  const { data: config } = useQuery(configQueryOptions());
  const settings = config?.tickets;
  if (!settings) return null;
  const link = buildTicketLink(settings, fields());
  if (!link) return null;
  const name = SYSTEM_NAMES[settings.system];
  return (
    <div className="open-ticket no-print">
      <p>
        <a
          className="button"
          href={link.href}
          target="_blank"
          rel="noopener noreferrer"
          // Built again on the click: the text carries the time.
          onClick={(event) => {
            const fresh = buildTicketLink(settings, fields());
            if (fresh) event.currentTarget.href = fresh.href;
          }}
        >
          {settings.label ??
            (settings.system === 'template' ? 'Open a ticket' : `Open a ticket in ${name}`)}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
      {link.cut ? (
        <p className="open-ticket__note">
          The summary is longer than {name === 'the helpdesk' ? 'the helpdesk form' : name} takes,
          so the ticket gets the start of it and the link to this result; Copy for ticket copies all
          of it.
        </p>
      ) : null}
    </div>
  );
}
