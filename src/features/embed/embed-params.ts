import { isOrigin } from '../../lib/origins';
import { EMBED_PARAMS, EMBED_THEMES, type EmbedTheme } from './frame-url-params';

export type EmbedParams = { parentOrigin: string; frameId: string; theme: EmbedTheme };

const isTheme = (value: string | null): value is EmbedTheme =>
  (EMBED_THEMES as readonly (string | null)[]).includes(value);

/**
 * The loader marks the frame's first URL with ?embed=1&parentOrigin=…&frameId=…, and
 * &theme=light|dark when the host chose one (anything else is `auto`).
 */
export function readEmbedParams(search: string): EmbedParams | undefined {
  const params = new URLSearchParams(search);
  if (params.get(EMBED_PARAMS.flag) !== '1') return undefined;
  const parentOrigin = params.get(EMBED_PARAMS.parentOrigin) ?? '';
  const frameId = params.get(EMBED_PARAMS.frameId) ?? '';
  if (!isOrigin(parentOrigin)) return undefined;
  const theme = params.get(EMBED_PARAMS.theme);
  return /^[A-Za-z0-9-]{1,64}$/.test(frameId)
    ? { parentOrigin, frameId, theme: isTheme(theme) ? theme : 'auto' }
    : undefined;
}

/**
 * The frame's parameters: from its first URL, which the loader marks, then from the frame's
 * window.name, where they are kept because in-app navigation drops them from the address
 * and the frame may be reloaded (by the person, or by loadChunk after a redeploy). A reload
 * without them would leave the frame full-page and silent inside the host's ticket.
 */
export function readFrameEmbedParams(frame: {
  location: { search: string };
  name: string;
}): EmbedParams | undefined {
  const fromUrl = readEmbedParams(frame.location.search);
  if (fromUrl) frame.name = frame.location.search;
  return fromUrl ?? readEmbedParams(frame.name);
}

/**
 * The frame's embedded look, set on its root as the app starts (app/root-layout.tsx), before
 * hydration: compact chrome and the host's colour scheme (styles.css). embed.js shows the
 * frame at once with its prerendered page (ADR 44), so the site's header goes as soon as a
 * script can take it away. <html> is outside React's root: the page hydrates the same.
 */
export function markEmbedded(root: HTMLElement, params: EmbedParams) {
  root.classList.add('embedded');
  if (params.theme !== 'auto') root.dataset.theme = params.theme;
}
