// dist-published/: the site as it is once the editor's two publishing tests have
// downloaded their files and a person has put them into public/trees/ (e2e/editor.spec.ts):
// a new troubleshooter, printer-check (src/testing/fixtures/trees/printer-check.json, the
// file the editor must download byte for byte), listed in index.json, and q164887 as
// version 2 with its archived version 1, one answer pointed elsewhere. The editor test
// checks that its downloads are these very files, then walks this site: built once up
// front with the other sites (scripts/build-with-trees.mjs) instead of inside the test.
//
//   node scripts/build-published.mjs     builds it alone
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWithTrees } from './build-with-trees.mjs';

/** The change the editor test makes to q164887: this answer now leads to this outcome. */
export const PUBLISHED_CHANGE = { question: 'pcm-service', answer: 0, next: 'diagnosis' };

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** The files the editor's publishing tests download, by name, as their text. */
export function publishedFiles(root = process.cwd()) {
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  const printer = read('src/testing/fixtures/trees/printer-check.json');
  const { id, title, description } = JSON.parse(printer);
  const index = JSON.parse(read('public/trees/index.json'));
  index.trees.push({ id, title, description });

  const deployed = read('public/trees/q164887.json');
  const changed = JSON.parse(deployed);
  changed.version += 1;
  const question = changed.nodes.find((node) => node.id === PUBLISHED_CHANGE.question);
  question.answers[PUBLISHED_CHANGE.answer].next = PUBLISHED_CHANGE.next;

  return new Map([
    ['printer-check.json', printer],
    ['index.json', json(index)],
    ['q164887.json', json(changed)],
    [`q164887.v${changed.version - 1}.json`, deployed],
  ]);
}

export const PUBLISHED_BUILD = {
  dir: 'dist-published',
  base: '/ with the files the editor test publishes',
  addTrees(trees, root) {
    for (const [name, text] of publishedFiles(root)) writeFileSync(path.join(trees, name), text);
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWithTrees(process.cwd(), [PUBLISHED_BUILD]);
}
