import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/edit/q164887', '/', '/edit/q164887'],
    ['/edit?draft=a:b', '/', '/edit?draft=a:b'],
    ['//evil.example/', '/', '/admin'],
    ['/\\evil.example', '/', '/admin'],
    ['https://evil.example/', '/', '/admin'],
    ['javascript:alert(1)', '/', '/admin'],
    ['/sign-in?return=/x', '/', '/admin'],
    [undefined, '/', '/admin'],
    ['/', '/', '/'],
    ['/helpdesk/ts/edit/q1', '/helpdesk/ts/', '/helpdesk/ts/edit/q1'],
    ['/elsewhere/', '/helpdesk/ts/', '/helpdesk/ts/admin'],
    ['/helpdesk/ts/../../x', '/helpdesk/ts/', '/helpdesk/ts/admin'],
  ])('%s under %s → %s', (value, base, expected) => {
    expect(safeReturnPath(value, base)).toBe(expected);
  });
});
