import { expect, test } from 'vitest';
import { frameMessage, hostMessage, parseFrameMessage, parseHostMessage } from './protocol';

const step = frameMessage('t1-abc', {
  type: 'step',
  tree: 'q164887',
  stepId: 'repeats',
  question: 'Does it repeat?',
  answers: [{ question: 'Q?', answer: 'Yes', unconfirmed: true }],
  url: 'https://wizard.example/q164887/sms-1-2',
});

const outcome = frameMessage('t1-abc', {
  type: 'outcome',
  tree: 'q164887',
  outcomeId: 'diagnosis',
  kind: 'diagnosis',
  title: 'T',
  article: null,
  answers: [],
  url: 'u',
});

test('accepts each message kind the frame sends, exactly as built', () => {
  expect(parseFrameMessage(step)).toEqual(step);
  const ready = frameMessage('t1-abc', { type: 'ready', tree: 'q164887', title: 'T' });
  expect(parseFrameMessage(ready)).toEqual(ready);
  const resize = frameMessage('t1-abc', { type: 'resize', height: 812.5 });
  expect(parseFrameMessage(resize)).toEqual(resize);
  expect(parseFrameMessage(outcome)).toEqual(outcome);
  const feedback = frameMessage('t1-abc', {
    type: 'feedback',
    tree: 'q164887',
    outcomeId: 'diagnosis',
    solved: false,
    url: 'u',
  });
  expect(parseFrameMessage(feedback)).toEqual(feedback);
  expect(parseFrameMessage({ ...feedback, solved: 'no' })).toBeUndefined();
  const error = frameMessage('t1-abc', {
    type: 'error',
    tree: 'nope',
    reason: 'unknown-troubleshooter',
    message: 'No troubleshooter is called nope.',
  });
  expect(parseFrameMessage(error)).toEqual(error);
  expect(parseFrameMessage({ ...error, reason: 'exploded' })).toBeUndefined();
  expect(parseFrameMessage({ ...error, message: 7 })).toBeUndefined();
});

test.each([
  ['another protocol', { ...step, protocol: 'other' }],
  ['another version', { ...step, version: 2 }],
  ['a frame id with odd characters', { ...step, frameId: '<script>' }],
  ['an unknown type', { ...step, type: 'navigate' }],
  ['a missing field', { ...step, question: undefined }],
  ['a wrong answer shape', { ...step, answers: [{ question: 'Q?' }] }],
  ['a negative height', frameMessage('t1', { type: 'resize', height: -1 })],
  ['an infinite height', frameMessage('t1', { type: 'resize', height: Infinity })],
  ['an unknown outcome kind', { ...outcome, kind: 'maybe' }],
  ['a huge text', { ...step, question: 'x'.repeat(5000) }],
  ['a string', 'troubleshooter-embed'],
  ['null', null],
  ['an array', [step]],
])('ignores %s', (_name, data) => {
  expect(parseFrameMessage(data)).toBeUndefined();
});

test('the frame accepts only a well-formed restart from the loader', () => {
  const restart = hostMessage('t1-abc', 'restart');
  expect(parseHostMessage(restart)).toEqual(restart);
  expect(parseHostMessage({ ...restart, type: 'reload' })).toBeUndefined();
  const hello = hostMessage('frame', 'hello');
  expect(parseHostMessage(hello)).toEqual(hello);
  expect(parseHostMessage({ type: 'restart' })).toBeUndefined();
  expect(parseHostMessage(step)).toBeUndefined();
});

test('a ticket and client ride along as context; a context of another shape is refused', () => {
  const withContext = { ...step, context: { ticket: 'INC0012345', client: 'WS-0042' } };
  expect(parseFrameMessage(withContext)).toEqual(withContext);
  for (const context of [
    'INC0012345',
    { ticket: 12345 },
    { ticket: 'x'.repeat(65) },
    { client: ['WS-0042'] },
  ]) {
    expect(parseFrameMessage({ ...step, context })).toBeUndefined();
  }
});
