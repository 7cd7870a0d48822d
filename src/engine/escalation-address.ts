/**
 * The escalation's address from settings (config.json or the server's settings), normalised
 * or refused, with the reason for a person who edits settings: a web address is http(s) in
 * any case with spaces around it trimmed; a mail address may carry a subject and a body,
 * nothing else (a Bcc or a Cc would send the ticket to someone the settings do not name).
 */
export type AddressCheck = { href: string } | { problem: string };

export function webAddress(value: string): AddressCheck {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { problem: `"${trimmed}" is not a web address` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `"${trimmed}" must start with https:// or http://` };
  }
  return { href: url.href };
}

const ALLOWED_MAIL_FIELDS = new Set(['subject', 'body']);

export function mailAddress(value: string): AddressCheck {
  const trimmed = value.trim().replace(/^mailto:/i, '');
  const [address = '', query] = trimmed.split(/\?(.*)/s);
  if (!/^[^\s@<>?&,;:/]+@[^\s@<>?&,;:/]+$/.test(address)) {
    return { problem: `"${value.trim()}" is not one mail address` };
  }
  const params = new URLSearchParams(query ?? '');
  const other = [...params.keys()].filter((key) => !ALLOWED_MAIL_FIELDS.has(key.toLowerCase()));
  if (other.length > 0) {
    return {
      problem: `"${value.trim()}" adds ${other.join(', ')}: a mail address may carry only a subject and a body`,
    };
  }
  const kept = [...params].map(([key, text]) => `${key.toLowerCase()}=${encodeURIComponent(text)}`);
  return { href: `mailto:${address}${kept.length > 0 ? `?${kept.join('&')}` : ''}` };
}
