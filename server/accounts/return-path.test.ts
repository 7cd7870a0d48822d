import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/edit/q164887', '/', '/edit/q164887'],
    ['/edit?draft=a:b', '/', '/edit?draft=a:b'],
    ['//evil.example/', '/', '/'],
    ['/\\evil.example', '/', '/'],
    ['https://evil.example/', '/', '/'],
    ['javascript:alert(1)', '/', '/'],
    ['/sign-in?return=/x', '/', '/'],
    [undefined, '/', '/'],
    ['/helpdesk/ts/edit/q1', '/helpdesk/ts/', '/helpdesk/ts/edit/q1'],
    ['/elsewhere/', '/helpdesk/ts/', '/helpdesk/ts/'],
    ['/helpdesk/ts/../../x', '/helpdesk/ts/', '/helpdesk/ts/'],
  ])('%s under %s → %s', (value, base, expected) => {
    expect(safeReturnPath(value, base)).toBe(expected);
  });
});
