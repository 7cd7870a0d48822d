import { chunk } from '../lib/chunk';

/**
 * The validator (and valibot) load only when a tree or the list of troubleshooters is
 * fetched: prerendered pages arrive with their files validated at build time.
 */
export const validatorChunk = chunk(() => import('../engine/validate-tree'));
