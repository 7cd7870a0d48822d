import { toJsonSchema } from '@valibot/to-json-schema';
import { treeSchema } from '../engine/tree-schema';

/**
 * The JSON Schema editors use to complete and flag tree files, generated from the same
 * valibot schema the app validates with. Checks that need the whole tree (references,
 * loops, reachability) are not expressible here: check:trees does those.
 */
export function treeJsonSchemaText(): string {
  const schema = toJsonSchema(treeSchema, { errorMode: 'ignore' });
  return `${JSON.stringify({ ...schema, title: 'Troubleshooter tree' }, null, 2)}\n`;
}
