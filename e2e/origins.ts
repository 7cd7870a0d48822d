// Where the browser tests' servers listen (see playwright.config.ts).
export const PORT = Number(process.env.E2E_PORT ?? 4181);
/** The wizard, built into dist/. */
export const WIZARD_ORIGIN = `http://127.0.0.1:${PORT}`;
/** A host page on another origin (another port), for the embed tests. */
export const HOST_ORIGIN = `http://127.0.0.1:${PORT + 1}`;
/** The app built for a sub-path (npm run build:subpath). */
export const SUBPATH_ORIGIN = `http://127.0.0.1:${PORT + 2}`;
export const SUBPATH_URL = `${SUBPATH_ORIGIN}/helpdesk/troubleshooter/`;
/** The app built with 61 troubleshooters, 10 a page (scripts/build-many-trees.mjs). */
export const MANY_TREES_ORIGIN = `http://127.0.0.1:${PORT + 3}`;
/** The app with a large generated tree added (scripts/build-large.mjs). */
export const LARGE_ORIGIN = `http://127.0.0.1:${PORT + 4}`;
