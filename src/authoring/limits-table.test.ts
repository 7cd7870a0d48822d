// @vitest-environment node
// Issue 27: each hostile input and each limit ± 1, fed to every reader of a tree file: the
// validator, check:trees (its checkTreeFile), the build (the prerender's readTrees, which runs
// before any page is rendered) and, in editor-open-file.test.tsx, the editor's Open file. Each
// is refused with the JSON path of the field at fault, or accepted; none throws or hangs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { LIST_LIMITS, TEXT_LIMITS, TREE_LIMITS, utf8Length } from '../engine/tree-limits';
import { readJsonText } from '../engine/tree-file-text';
import { validateTreeFileText, readTreeShapeText } from '../engine/validate-tree';
import { readTrees } from '../prerender/prerender-site';
import { checkTreeFile } from './check-tree-file';
import { limitCases } from '../testing/limit-cases';

async function build(id: string, text: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'limits-'));
  try {
    await writeFile(path.join(dir, `${id}.json`), text);
    // The index says what an accepted tree says, as the build requires; for a refused one it
    // says something valid of its own, and the build stops at the tree file.
    const accepted = validateTreeFileText(`trees/${id}.json`, text);
    const entry = accepted.ok
      ? { id, title: accepted.value.title, description: accepted.value.description }
      : { id, title: 'T', description: 'D' };
    await writeFile(path.join(dir, 'index.json'), JSON.stringify({ trees: [entry] }));
    await readTrees(dir);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const { name, text, refusedAt } of limitCases()) {
  test(`${name}: ${refusedAt ? `refused at ${refusedAt}` : 'accepted'} by the validator, check:trees and the build`, async () => {
    const file = 'trees/t.json';
    const validated = validateTreeFileText(file, text);
    const checked = checkTreeFile(file, text);
    const built = await build('t', text);
    if (!refusedAt) {
      expect(validated).toMatchObject({ ok: true });
      expect(checked.errors).toEqual([]);
      expect(built).toBeUndefined();
      return;
    }
    expect(validated.ok).toBe(false);
    const paths = validated.ok ? [] : validated.problems.map((problem) => problem.path);
    expect(paths).toContain(refusedAt);
    expect(checked.errors.map((problem) => problem.path)).toContain(refusedAt);
    // The build names the file and the field, before rendering a page.
    expect(built).toMatch(/^prerender: trees\/t\.json has/);
    expect(built).toContain(`  ${refusedAt}: `);
    // The editor reads the file's text and its shape by the same rules; what it accepts it
    // opens and lists as problems (the walk limits), which the same rulebook reports.
    const opened = readTreeShapeText(text);
    if (!opened.ok) expect(opened.problems.map((problem) => problem.path)).toContain(refusedAt);
  });
}

test('a byte-order mark is read the same way everywhere: ignored', () => {
  const [plain] = limitCases();
  const text = `\ufeff${plain?.text ?? ''}`;
  expect(validateTreeFileText('trees/t.json', text).ok).toBe(true);
  expect(checkTreeFile('trees/t.json', text).errors).toEqual([]);
  expect(readTreeShapeText(text).ok).toBe(true);
});

test('the file size limit counts bytes, so it holds for text in any script', () => {
  expect(readJsonText(`"${'é'.repeat(TREE_LIMITS.fileBytes / 2 - 1)}"`).ok).toBe(true);
  const over = readJsonText(`"${'é'.repeat(TREE_LIMITS.fileBytes / 2)}"`);
  expect(over).toMatchObject({ ok: false, problems: [{ path: '$' }] });
  expect(utf8Length('é😀')).toBe(6);
});

test('every limit has a case one under it, at it and one beyond it', () => {
  const names = limitCases().map((entry) => entry.name);
  for (const limit of [
    ...Object.keys(TREE_LIMITS),
    ...Object.keys(TEXT_LIMITS),
    ...Object.keys(LIST_LIMITS).map((key) => `list ${key}`),
  ]) {
    expect(names.filter((name) => name.startsWith(`${limit} `))).toHaveLength(3);
  }
});
