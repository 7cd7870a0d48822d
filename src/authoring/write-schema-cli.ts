// npm run schema: writes public/trees/tree.schema.json from the validator's schema.
import { writeFile } from 'node:fs/promises';
import { treeJsonSchemaText } from './tree-json-schema';

await writeFile('public/trees/tree.schema.json', treeJsonSchemaText());
console.log('wrote public/trees/tree.schema.json');
