/** Query parameters embed.js adds to the frame's URL (kept apart from the protocol so the
 * app's first-paint code can read them without loading the protocol's checks). */
export const EMBED_PARAMS = {
  flag: 'embed',
  parentOrigin: 'parentOrigin',
  frameId: 'frameId',
  theme: 'theme',
} as const;

/** The host's colour scheme for the frame: `auto` follows the operating system. */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
