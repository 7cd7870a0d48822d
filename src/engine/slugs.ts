import { ID_PATTERN } from './ids';

/** Longest suggested id or slug: long enough to say what it is, short enough for a URL. */
const MAX_LENGTH = 40;

/**
 * Turns what a person types into an id or slug as they type it: lower case, spaces and
 * other separators as hyphens, letters with accents without them, anything else dropped.
 * A trailing hyphen is kept, so that the next word can follow it.
 */
export function toIdCharacters(typed: string): string {
  return typed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_./\\]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-/, '');
}

/**
 * An id or slug for a label ("Yes, SMS 1.2" → `yes-sms-1-2`), cut at a word within 40
 * characters, made unique against `taken` with -2, -3…, and `fallback` when the label has
 * no usable characters. The result always matches ID_PATTERN.
 */
export function suggestId(label: string, taken: Iterable<string>, fallback = 'item'): string {
  let base = toIdCharacters(label).replace(/-+$/, '');
  if (base.length > MAX_LENGTH) {
    const cut = base.slice(0, MAX_LENGTH + 1);
    base = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_LENGTH);
  }
  if (!ID_PATTERN.test(base)) base = fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let count = 2; ; count += 1) {
    const candidate = `${base}-${count}`;
    if (!used.has(candidate)) return candidate;
  }
}
