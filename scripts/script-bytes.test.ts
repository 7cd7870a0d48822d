// @vitest-environment node
import { expect, test } from 'vitest';
import { APP_CODE, codeByPackage, decodeVlq, packageOf } from './script-bytes.mjs';

test('VLQ segments decode to their values', () => {
  expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
  expect(decodeVlq('GCAD')).toEqual([3, 1, 0, -1]);
  expect(decodeVlq('gBAAA')).toEqual([16, 0, 0, 0]);
});

test('a source belongs to its package, scoped or not, and the rest to the app', () => {
  expect(packageOf('../../node_modules/react-dom/cjs/x.js')).toBe('react-dom');
  expect(packageOf('../../node_modules/@tanstack/query-core/build/modern/x.js')).toBe(
    '@tanstack/query-core',
  );
  // A package inside another's node_modules is its own.
  expect(packageOf('../../node_modules/a/node_modules/b/index.js')).toBe('b');
  expect(packageOf('../../src/main.tsx')).toBe(APP_CODE);
});

test('each stretch of code goes to the source of its segment, up to the next segment', () => {
  // Line 1: "abc" from source 0 (react), "def" from source 1 (the app); line 2: "gh"
  // unmapped, then "ij" from source 0 again.
  const map = {
    sources: ['../node_modules/react/index.js', '../src/app.ts'],
    mappings: 'AAAA,GCAA;A,EDAA',
  };
  const code = codeByPackage('abcdef\nghij', map);
  expect(Object.fromEntries(code)).toEqual({ react: 'abcij', [APP_CODE]: 'def\ngh' });
});
