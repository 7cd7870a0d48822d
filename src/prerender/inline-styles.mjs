// The stylesheets a built page carries inline (the prerender puts them there, ADR 6), and
// the Content-Security-Policy sources that allow exactly them. One place for the build,
// the budget check and the test server, so that all three read a page the same way.
import { createHash } from 'node:crypto';

/**
 * @param {string} html a built page
 * @returns {string[]} the text of each inline <style>
 */
export function inlineStyles(html) {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css = '']) => css);
}

/**
 * @param {string} html a built page
 * @returns {string[]} a `'sha256-…'` source for each inline <style>
 */
export function styleHashes(html) {
  return inlineStyles(html).map(
    (css) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  );
}
