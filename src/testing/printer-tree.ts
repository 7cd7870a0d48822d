import printerV1 from './fixtures/trees/printer.v1.json';
import { validateTree } from '../engine/validate-tree';
import type { Tree } from '../engine/tree-schema';

/**
 * Version 1 of the fixture tree in src/testing/fixtures/trees (two questions, one
 * "not sure" answer, three outcomes), as a fresh copy each call. The same file is
 * served to component and browser tests; printer.json is its version 2.
 */
export function makePrinterTree(): Tree {
  const result = validateTree(structuredClone(printerV1));
  if (!result.ok) throw new Error(`printer.v1.json is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}
