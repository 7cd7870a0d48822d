/** Query parameters embed.js adds to the frame's URL (kept apart from the protocol so the
 * app's first-paint code can read them without loading the protocol's checks). */
export const EMBED_PARAMS = {
  flag: 'embed',
  parentOrigin: 'parentOrigin',
  frameId: 'frameId',
  theme: 'theme',
  /** Kept in window.name only: the parent's origin came from the browser (ADR 48). */
  adopted: 'adopted',
} as const;

/**
 * The frame id of a frame the host page wrote itself (`?embed=1` alone, ADR 48): one name for
 * all of them, since the loader tells its frames apart by their windows, not by this id.
 */
export const ADOPTED_FRAME_ID = 'frame';

/** The host's colour scheme for the frame: `auto` follows the operating system. */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
