import { mailAddress, webAddress } from '../../src/engine/escalation-address';
import { isBareOrigin } from '../accounts/origin-check';

/** What an admin edits: the `embed` and `escalation` settings, as config.json has them. */
export type EditableSettings = {
  embed: { allowedOrigins: string[] };
  escalation: { label: string; url: string } | { label: string; email: string } | null;
};

export type SettingsFormValues = {
  allowedOrigins: string;
  escalationLabel: string;
  escalationAddress: string;
};
export type SettingsFormErrors = Partial<Record<keyof SettingsFormValues, string>>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
export const MAX_ORIGINS = 50;
export const MAX_LABEL = 200;
export const MAX_ADDRESS = 2000;

/** What was typed, quoted in an error: enough to find it, not a page of it. */
function shortened(text: string, most = 80): string {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

export function settingsToForm(settings: EditableSettings): SettingsFormValues {
  const escalation = settings.escalation;
  return {
    allowedOrigins: settings.embed.allowedOrigins.join('\n'),
    escalationLabel: escalation?.label ?? '',
    escalationAddress: escalation ? ('url' in escalation ? escalation.url : escalation.email) : '',
  };
}

/**
 * Checks what the admin typed. Embed origins must be exact origins (scheme, host and port,
 * no path, no trailing slash): they go into the Content-Security-Policy's frame-ancestors
 * and into the frame's check of who may hear its events, where anything looser would let in
 * more than the admin meant. The escalation address is an http(s) URL or an email address.
 */
export function readSettingsForm(
  values: SettingsFormValues,
): { settings: EditableSettings } | { errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {};
  const origins = values.allowedOrigins
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const wrong = origins.filter((origin) => !isBareOrigin(origin));
  if (wrong.length > 0) {
    // Every one that is wrong, each with its suggestion: fixed in one go, not one per save.
    const named = wrong.map((origin) => {
      let hint = '';
      try {
        const url = new URL(origin);
        if (url.protocol === 'http:' || url.protocol === 'https:')
          hint = ` (did you mean ${shortened(url.origin)}?)`;
      } catch {
        // Not a URL at all: no suggestion.
      }
      return { quoted: `“${shortened(origin)}”`, hint };
    });
    const [only] = named;
    const list =
      named.length === 1 && only
        ? `${only.quoted} is not an origin${only.hint}`
        : `${named
            .map(({ quoted, hint }) => `${quoted}${hint}`)
            .join(', ')
            .replace(/, ([^,]*)$/, ' and $1')} are not origins`;
    errors.allowedOrigins = `${list}. Write each as https://host or https://host:port, with nothing after the host.`;
  } else if (origins.length > MAX_ORIGINS) {
    errors.allowedOrigins = `List at most ${MAX_ORIGINS} origins.`;
  }
  const label = values.escalationLabel.trim();
  const address = values.escalationAddress.trim();
  if (label.length > MAX_LABEL)
    errors.escalationLabel = `Keep the label under ${MAX_LABEL} characters.`;
  if (address && !label)
    errors.escalationLabel =
      'Give the escalation a label, such as “Open a ticket with the service desk”.';
  let escalation: EditableSettings['escalation'] = null;
  if (address.length > MAX_ADDRESS) {
    errors.escalationAddress = `Keep the address under ${MAX_ADDRESS} characters.`;
  } else if (/^https?:\/\//i.test(address)) {
    // Read by the same rule as the pages read it (engine/escalation-address.ts), so that what
    // is saved here is never a link the wizard leaves out.
    if ('problem' in webAddress(address))
      errors.escalationAddress = `“${shortened(address)}” is not a valid web address.`;
    else escalation = { label, url: address };
  } else if (address) {
    const mail = mailAddress(address);
    const mailbox = address.replace(/^mailto:/i, '').replace(/\?.*$/s, '');
    if (!EMAIL.test(mailbox))
      errors.escalationAddress = `“${shortened(address)}” is neither a web address starting https:// nor an email address.`;
    // A Bcc or a Cc would send what walkers write to someone these settings do not name.
    else if ('problem' in mail) errors.escalationAddress = `${mail.problem}.`;
    else escalation = { label, email: address };
  } else if (label) {
    errors.escalationAddress =
      'Give the address people are sent to: a web address starting https:// or an email address.';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { settings: { embed: { allowedOrigins: [...new Set(origins)] }, escalation } };
}
