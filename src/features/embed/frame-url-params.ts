/** Query parameters embed.js adds to the frame's URL (kept apart from the protocol so the
 * app's first-paint code can read them without loading the protocol's checks). */
export const EMBED_PARAMS = {
  flag: 'embed',
  parentOrigin: 'parentOrigin',
  frameId: 'frameId',
} as const;
