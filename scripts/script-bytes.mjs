// Which package each byte of a built script comes from, by its source map: the budgets
// (scripts/budgets.mjs) give the app's own code a budget and hold each library to its
// recorded figure. Deterministic: the same build gives the same figures.
//
// Each mapping segment of the map says where a stretch of generated code came from; the
// stretch runs to the next segment on its line. A source under node_modules/ belongs to
// its package (a scoped one by its scope and name); every other source, and code no
// segment maps (the bundler's glue), is the app's own. Each package's stretches are joined
// and gzipped together, as they would compress on their own.
import { gzipSync } from 'node:zlib';

/** The name the app's own code is listed under. */
export const APP_CODE = '(app)';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/**
 * The values of one mapping segment (base64 VLQ, as source maps write them).
 *
 * @param {string} text
 */
export function decodeVlq(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not a base64 VLQ digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * The package a source belongs to, or APP_CODE.
 *
 * @param {string} source a path from the map's `sources`
 */
export function packageOf(source) {
  const at = source.lastIndexOf('node_modules/');
  if (at === -1) return APP_CODE;
  const parts = source.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? APP_CODE);
}

/**
 * The generated code of a script, split by the package it came from.
 *
 * @param {string} code the script
 * @param {{ sources: string[], mappings: string }} map its source map
 * @returns {Map<string, string>} code by package (APP_CODE for the app's own)
 */
export function codeByPackage(code, map) {
  const packages = map.sources.map(packageOf);
  /** @type {Map<string, string[]>} */
  const pieces = new Map();
  const add = (name, text) => {
    if (text.length === 0) return;
    const list = pieces.get(name);
    if (list) list.push(text);
    else pieces.set(name, [text]);
  };
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let source = 0;
  for (const [index, line] of lines.entries()) {
    const segments = (mappingLines[index] ?? '').split(',').filter(Boolean);
    let column = 0;
    let from = 0;
    let owner = APP_CODE;
    for (const segment of segments) {
      const [columnDelta = 0, sourceDelta] = decodeVlq(segment);
      column += columnDelta;
      add(owner, line.slice(from, column));
      from = column;
      if (sourceDelta === undefined) {
        owner = APP_CODE;
      } else {
        source += sourceDelta;
        owner = packages[source] ?? APP_CODE;
      }
    }
    add(owner, line.slice(from) + (index < lines.length - 1 ? '\n' : ''));
  }
  return new Map([...pieces].map(([name, list]) => [name, list.join('')]));
}

/**
 * The gzipped bytes of each package's code in a script.
 *
 * @param {string} code
 * @param {{ sources: string[], mappings: string }} map
 * @returns {Map<string, number>}
 */
export function scriptBytesByPackage(code, map) {
  return new Map(
    [...codeByPackage(code, map)].map(([name, text]) => [
      name,
      gzipSync(text, { level: 9 }).length,
    ]),
  );
}
