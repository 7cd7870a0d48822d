import { expect, test } from 'vitest';
import { chartLabelLines, labelCharsFor } from './chart-labels';

const QUESTION = 'Is the client managed by Systems Management Server 1.2?';

test('a long label is drawn as whole words on up to three lines, its end marked when cut', () => {
  expect(chartLabelLines(QUESTION, 20, 3)).toEqual([
    'Is the client',
    'managed by Systems',
    'Management Server…',
  ]);
  expect(chartLabelLines(QUESTION, 40, 3)).toEqual([
    'Is the client managed by Systems',
    'Management Server 1.2?',
  ]);
  for (const line of chartLabelLines(QUESTION, 12, 3)) expect(line.length).toBeLessThanOrEqual(12);
});

test('a short label stays one line; a word longer than a line is cut', () => {
  expect(chartLabelLines('Yes', 20, 3)).toEqual(['Yes']);
  expect(chartLabelLines('Pcmsvc32.exe-and-Ntencap.exe', 10, 3)).toEqual(['Pcmsvc32.…']);
});

test('a 320 px screen gets short lines; a wide chart the old 40 characters', () => {
  expect(labelCharsFor(288)).toBe(18);
  expect(labelCharsFor(900)).toBe(40);
  expect(labelCharsFor(100)).toBe(10);
});
