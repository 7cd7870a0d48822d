// The change the publishing tests make to the shipped troubleshooter, as the browser test
// makes it in the editor: a reworded question, a re-pointed answer and a renamed answer slug.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Tree } from '../../src/engine/tree-schema';
import { SITE_DIR } from './test-app';

/** q164887 as the browser test edits it: a reworded question, a re-pointed answer, a renamed slug. */
export async function editedQ164887(): Promise<Tree> {
  const tree = JSON.parse(
    await readFile(path.join(SITE_DIR, 'trees', 'q164887.json'), 'utf8'),
  ) as Tree;
  for (const node of tree.nodes) {
    if (node.kind !== 'question') continue;
    if (node.id === 'repeats') node.prompt = 'Does the job run again every time the client starts?';
    if (node.id === 'pcm-service') {
      const service = node.answers.find((answer) => answer.slug === 'service');
      if (service) service.next = 'diagnosis';
    }
    if (node.id === 'sms-version') {
      const sms = node.answers.find((answer) => answer.slug === 'sms-1-2');
      if (sms) sms.slug = 'sms-one-two';
    }
  }
  return tree;
}
