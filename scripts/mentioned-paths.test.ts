import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { mentionedPaths } from './mentioned-paths.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

test('every path the Markdown files and the comments mention exists', () => {
  const mentions = mentionedPaths(ROOT);
  // The check reads what it should: the README and docs name many files.
  expect(mentions.length).toBeGreaterThan(100);
  expect(
    mentions.filter((item) => !item.exists).map(({ file, mention }) => `${file}: ${mention}`),
  ).toEqual([]);
});

test('a path that is not there is found in Markdown and in a comment, and code is not read', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mentioned-paths-'));
  try {
    mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'lib', 'paths.ts'), '');
    writeFileSync(
      path.join(root, 'README.md'),
      'See `src/lib/paths.ts`, `src/app/nowhere.ts` and src/lib/*; not ../src/gone.ts.\n',
    );
    writeFileSync(
      path.join(root, 'src', 'lib', 'chunk.ts'),
      [
        '// Wraps import() (src/app/gone.ts used to).',
        "import { x } from 'src/app/imported.ts'; // see src/lib/paths.ts",
        ' * in a block: src/gone/*',
      ].join('\n'),
    );
    expect(mentionedPaths(root)).toEqual([
      { file: 'README.md', mention: 'src/lib/paths.ts', exists: true },
      { file: 'README.md', mention: 'src/app/nowhere.ts', exists: false },
      { file: 'README.md', mention: 'src/lib/*', exists: true },
      { file: 'src/lib/chunk.ts', mention: 'src/app/gone.ts', exists: false },
      { file: 'src/lib/chunk.ts', mention: 'src/lib/paths.ts', exists: true },
      { file: 'src/lib/chunk.ts', mention: 'src/gone/*', exists: false },
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
