import { expect, test } from 'vitest';
import { actualParentOrigin, isParentAllowed } from '../../data/config-query';
import { markEmbedded, readEmbedParams, readFrameEmbedParams } from './embed-params';

test('reads the parameters embed.js puts on the frame URL', () => {
  expect(
    readEmbedParams('?embed=1&parentOrigin=https%3A%2F%2Fhelpdesk.example&frameId=t1-x9'),
  ).toEqual({ parentOrigin: 'https://helpdesk.example', frameId: 't1-x9', theme: 'auto' });
});

test.each([
  ['dark', 'dark'],
  ['light', 'light'],
  ['auto', 'auto'],
  ['purple', 'auto'],
])('reads theme=%s as %s', (given, theme) => {
  const search = `?embed=1&parentOrigin=https%3A%2F%2Fh.example&frameId=t1&theme=${given}`;
  expect(readEmbedParams(search)?.theme).toBe(theme);
});

test.each([
  ['no embed flag', '?parentOrigin=https%3A%2F%2Fhelpdesk.example&frameId=t1'],
  ['an origin with a path', '?embed=1&parentOrigin=https%3A%2F%2Fhelpdesk.example%2Fx&frameId=t1'],
  ['not a URL', '?embed=1&parentOrigin=helpdesk&frameId=t1'],
  [
    'a frame id with odd characters',
    '?embed=1&parentOrigin=https%3A%2F%2Fh.example&frameId=%3Cb%3E',
  ],
  ['nothing', ''],
])('is not embedded with %s', (_name, search) => {
  expect(readEmbedParams(search)).toBeUndefined();
});

test('the frame keeps its parameters in window.name, so a reload of it stays embedded', () => {
  const search = '?embed=1&parentOrigin=https%3A%2F%2Fhelpdesk.example&frameId=t1-x9';
  const frame = { location: { search }, document: { referrer: '' }, name: '' };
  const params = { parentOrigin: 'https://helpdesk.example', frameId: 't1-x9', theme: 'auto' };
  expect(readFrameEmbedParams(frame)).toEqual(params);
  // Reloaded at a later step, whose address has no parameters.
  frame.location = { search: '?v=1' };
  expect(readFrameEmbedParams(frame)).toEqual(params);
  // A window the loader never opened, or one named by its host for something else.
  const none = { referrer: '' };
  expect(
    readFrameEmbedParams({ location: { search: '?v=1' }, document: none, name: '' }),
  ).toBeUndefined();
  expect(
    readFrameEmbedParams({ location: { search: '' }, document: none, name: 'ticket-frame' }),
  ).toBeUndefined();
});

const ancestors = (actual: string) =>
  Object.assign([actual], { contains: () => false, item: () => actual });

test('a frame the host page wrote (?embed=1 alone) takes its parent from the browser', () => {
  const adopted = { frameId: 'frame', theme: 'auto', adopted: true };
  // location.ancestorOrigins where the browser has it (Chromium, WebKit), over the referrer.
  const frame = {
    location: { search: '?embed=1', ancestorOrigins: ancestors('https://helpdesk.example') },
    document: { referrer: 'https://evil.example/page' },
    name: '',
  };
  expect(readFrameEmbedParams(frame)).toEqual({
    ...adopted,
    parentOrigin: 'https://helpdesk.example',
  });
  // Else the referrer's origin (Firefox), kept for the frame's later pages, whose referrer is
  // the wizard's own page.
  const firefox = {
    location: { search: '?embed=1&theme=dark' },
    document: { referrer: 'https://helpdesk.example/tickets/42?x=1' },
    name: '',
  };
  const parent = { ...adopted, parentOrigin: 'https://helpdesk.example', theme: 'dark' };
  expect(readFrameEmbedParams(firefox)).toEqual(parent);
  firefox.location = { search: '?v=1' };
  firefox.document = { referrer: 'https://wizard.example/q164887' };
  expect(readFrameEmbedParams(firefox)).toEqual(parent);
  // No referrer (a host page with Referrer-Policy: no-referrer): embedded, but no parent.
  expect(
    readFrameEmbedParams({
      location: { search: '?embed=1' },
      document: { referrer: '' },
      name: '',
    }),
  ).toEqual({ ...adopted, parentOrigin: '' });
});

const config = { embed: { allowedOrigins: ['https://helpdesk.example'] } };
const own = { origin: 'https://wizard.example' };

test('a parent is allowed when listed or when it is the wizard itself', () => {
  expect(isParentAllowed('https://helpdesk.example', config, own)).toBe(true);
  expect(isParentAllowed('https://wizard.example', config, own)).toBe(true);
  expect(isParentAllowed('https://evil.example', config, own)).toBe(false);
  // Exact origins only: no prefixes, no other schemes or ports.
  expect(isParentAllowed('https://helpdesk.example.evil.example', config, own)).toBe(false);
  expect(isParentAllowed('http://helpdesk.example', config, own)).toBe(false);
  expect(isParentAllowed('https://helpdesk.example:8443', config, own)).toBe(false);
});

test('where the browser names the real parent, a listed origin must be that parent', () => {
  const claimsHelpdesk = (actual: string) =>
    isParentAllowed('https://helpdesk.example', config, {
      ...own,
      ancestorOrigins: Object.assign([actual], { contains: () => false, item: () => actual }),
    });
  expect(claimsHelpdesk('https://helpdesk.example')).toBe(true);
  expect(claimsHelpdesk('https://evil.example')).toBe(false);
});

test('a warning names the real parent where the browser says, else the claimed one', () => {
  expect(
    actualParentOrigin('https://helpdesk.example', {
      ancestorOrigins: ancestors('https://evil.example'),
    }),
  ).toBe('https://evil.example');
  expect(actualParentOrigin('https://helpdesk.example', {})).toBe('https://helpdesk.example');
});

test('the embedded look: compact chrome, and the scheme only when the host chose one', () => {
  const chosen = document.createElement('html');
  markEmbedded(chosen, { parentOrigin: 'https://helpdesk.example', frameId: 't1', theme: 'dark' });
  expect(chosen.className).toBe('embedded');
  expect(chosen.dataset.theme).toBe('dark');
  const auto = document.createElement('html');
  markEmbedded(auto, { parentOrigin: 'https://helpdesk.example', frameId: 't1', theme: 'auto' });
  expect(auto.className).toBe('embedded');
  expect(auto.dataset.theme).toBeUndefined();
});
