import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { configQueryOptions } from '../../data/config-query';

/**
 * For the people who run the site, in the editor: a static build's config.json that is
 * there but is not JSON (a trailing comma after an edit by hand) drops every setting in it.
 * The console says so too (data/config-query.ts); walkers' pages say nothing, as nothing
 * there is theirs to fix. With a server the settings come from its database instead. Drawn
 * again only when the settings change, not at every key typed in the editor.
 */
export const UnreadableConfigNotice = memo(function UnreadableConfigNotice() {
  const { data: config } = useQuery(configQueryOptions());
  if (!config?.unreadable) return null;
  return (
    <section className="panel panel--warning" aria-labelledby="unreadable-config-heading">
      <h2 id="unreadable-config-heading">config.json could not be read</h2>
      <p>
        The site’s config.json is not valid JSON (a trailing comma or a missing quote?), so none of
        its settings apply: walkers see no escalation contact, no “Open a ticket” and no address for
        reporting a step, and no intranet page may embed the troubleshooter.
      </p>
      <p>
        Correct the file (a JSON validator shows where it goes wrong): pages opened after that use
        it.
      </p>
    </section>
  );
});
