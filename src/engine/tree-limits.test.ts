import { expect, test } from 'vitest';
import { checkDraft } from './check-draft';
import { setQuestionFields } from './tree-edits';
import { isBlank, TREE_LIMITS, utf8Length } from './tree-limits';
import type { Tree } from './tree-schema';

test('a text’s length in UTF-8 is what the browser encodes, for ASCII and for every other kind', () => {
  const encoder = new TextEncoder();
  for (const text of [
    '',
    'plain ASCII, with digits 0123 and ~punctuation!',
    'Café, naïve, Øre',
    '日本語のテキスト',
    'emoji 🙂 and flags 🇫🇷',
    // A lone surrogate is written as U+FFFD, three bytes.
    'broken \ud83d pair',
    '\u007f\u0080 at the edge of ASCII',
  ]) {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
  }
});

test('a text is blank when nothing in it shows, however it starts', () => {
  expect(isBlank('')).toBe(true);
  expect(isBlank(' \t\n')).toBe(true);
  expect(isBlank('\u200b\u00ad\ufe0f\u3164')).toBe(true);
  expect(isBlank('a')).toBe(false);
  expect(isBlank('\u200b\u00ad x')).toBe(false);
  expect(isBlank('\u3164é')).toBe(false);
  expect(isBlank('  日本')).toBe(false);
});

/** A line of eight questions whose walk is less than 900 bytes under the limit on a walk's bytes. */
function lineOfQuestions(): Tree {
  const tree: Tree = {
    id: 'line',
    version: 1,
    title: 'A line',
    description: 'Eight questions in a row.',
    start: 'q0',
    nodes: [
      ...Array.from({ length: 8 }, (_, index) => ({
        kind: 'question' as const,
        id: `q${index}`,
        prompt: `Question ${index}?`,
        help: ['a'.repeat(900), 'b'.repeat(900)],
        answers: [
          { slug: 'yes', label: 'Yes', next: index === 7 ? 'done' : `q${index + 1}` },
          { slug: 'no', label: 'No', next: 'done' },
        ],
      })),
      { kind: 'outcome', id: 'done', type: 'diagnosis', title: 'Done', summary: 'Found.' },
    ],
  };
  const bytes = tree.nodes.reduce((sum, node) => sum + utf8Length(JSON.stringify(node)), 0);
  expect(bytes).toBeLessThan(TREE_LIMITS.walkBytes);
  expect(bytes).toBeGreaterThan(TREE_LIMITS.walkBytes - 900);
  return tree;
}

const walkTooLarge = (tree: Tree) =>
  checkDraft(tree).problems.filter((problem) => /bytes/.test(problem.message));

test('the limit on a walk’s bytes follows each edit of a draft, check after check', () => {
  const tree = lineOfQuestions();
  expect(walkTooLarge(tree)).toEqual([]);
  // One more paragraph on the last question: its walk is now over the limit.
  const longer = setQuestionFields(tree, 'q7', { help: ['a'.repeat(900), 'b'.repeat(900), 'c'] });
  expect(walkTooLarge(longer)).toEqual([]);
  const over = setQuestionFields(tree, 'q7', {
    help: ['a'.repeat(900), 'b'.repeat(900), 'c'.repeat(900)],
  });
  expect(walkTooLarge(over)).toMatchObject([{ path: '$.nodes[7]' }]);
  // Shortened again, and the first tree checked again: each is measured as it is.
  expect(walkTooLarge(setQuestionFields(over, 'q7', { help: ['short'] }))).toEqual([]);
  expect(walkTooLarge(tree)).toEqual([]);
});
