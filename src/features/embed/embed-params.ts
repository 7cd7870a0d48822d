import { isOrigin } from '../../lib/origins';
import { ADOPTED_FRAME_ID, EMBED_PARAMS, EMBED_THEMES, type EmbedTheme } from './frame-url-params';

export type EmbedParams = {
  /** The host page's origin; '' when a frame the host wrote cannot tell who framed it. */
  parentOrigin: string;
  frameId: string;
  theme: EmbedTheme;
  /**
   * The host page wrote the frame itself (the README's snippet, ADR 48): the parent's origin
   * came from the browser, and the frame waits for embed.js's hello before it reports,
   * since the host page may have no embed.js at all.
   */
  adopted?: true;
};

const isTheme = (value: string | null): value is EmbedTheme =>
  (EMBED_THEMES as readonly (string | null)[]).includes(value);

const FRAME_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * embed.js marks a frame it opens with ?embed=1&parentOrigin=…&frameId=…, and &theme=light|dark
 * when the host chose one (anything else is `auto`). A frame the host page wrote itself has
 * ?embed=1 alone: its parent is the origin the browser names (`parentFromBrowser`).
 */
export function readEmbedParams(search: string, parentFromBrowser = ''): EmbedParams | undefined {
  const params = new URLSearchParams(search);
  if (params.get(EMBED_PARAMS.flag) !== '1') return undefined;
  const theme = params.get(EMBED_PARAMS.theme);
  const chosen: EmbedTheme = isTheme(theme) ? theme : 'auto';
  const claimed = params.get(EMBED_PARAMS.parentOrigin);
  if (claimed === null || params.get(EMBED_PARAMS.adopted) === '1') {
    const parentOrigin = claimed ?? parentFromBrowser;
    return {
      parentOrigin: isOrigin(parentOrigin) ? parentOrigin : '',
      frameId: ADOPTED_FRAME_ID,
      theme: chosen,
      adopted: true,
    };
  }
  const frameId = params.get(EMBED_PARAMS.frameId) ?? '';
  if (!isOrigin(claimed) || !FRAME_ID.test(frameId)) return undefined;
  return { parentOrigin: claimed, frameId, theme: chosen };
}

/** The origin of the page that frames this one, as the browser says (ADR 48). */
export function parentOriginFromBrowser(frame: {
  location: { ancestorOrigins?: DOMStringList };
  document: { referrer: string };
}): string {
  const ancestor = frame.location.ancestorOrigins?.[0];
  if (ancestor !== undefined) return ancestor;
  try {
    return new URL(frame.document.referrer).origin;
  } catch {
    return '';
  }
}

/**
 * The frame's parameters: from its first URL, then from the frame's window.name, where they
 * are kept because in-app navigation drops them from the address and the frame may be
 * reloaded (by the person, or by loadChunk after a redeploy). A reload without them would
 * leave the frame full-page and silent inside the host's ticket. A frame the host wrote keeps
 * the parent's origin the browser named at its first load: after a navigation inside the
 * frame, its referrer is the wizard's own page.
 */
export function readFrameEmbedParams(frame: {
  location: { search: string; ancestorOrigins?: DOMStringList };
  document: { referrer: string };
  name: string;
}): EmbedParams | undefined {
  const fromUrl = readEmbedParams(frame.location.search, parentOriginFromBrowser(frame));
  if (fromUrl?.adopted) {
    const kept = new URLSearchParams(frame.location.search);
    kept.set(EMBED_PARAMS.parentOrigin, fromUrl.parentOrigin);
    kept.set(EMBED_PARAMS.adopted, '1');
    frame.name = `?${kept.toString()}`;
  } else if (fromUrl) frame.name = frame.location.search;
  return fromUrl ?? readEmbedParams(frame.name);
}

/**
 * The frame's embedded look, set on its root as the app starts (app/root-layout.tsx), before
 * hydration: compact chrome and the host's colour scheme (styles.css). The frame is shown at
 * once with its prerendered page (ADR 44), so the site's header goes as soon as a script can
 * take it away. <html> is outside React's root: the page hydrates the same.
 */
export function markEmbedded(root: HTMLElement, params: EmbedParams) {
  root.classList.add('embedded');
  if (params.theme !== 'auto') root.dataset.theme = params.theme;
}
