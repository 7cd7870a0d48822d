// The server's HTML forms answer a person's browser with a page, whatever was sent (review 8,
// items 4, 6, 11, 12 and 20): a value over a limit shows the form again with the error beside
// its field and what was typed kept; an id that names nothing is a not-found page with the
// admin pages' header; a form sent after the session ended leads back to its page.
import type { FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { editedQ164887 } from '../testing/edited-q164887';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

const FORM = { origin: OWN_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
// The pages as a browser reads them.
const dom = (body: string) => new JSDOM(body).window.document;

/** What a person with a screen reader is told about one field: invalid, and why. */
function fieldState(document: Document, id: string) {
  const control = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!control) throw new Error(`no #${id}`);
  const described = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((ref) => document.getElementById(ref)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .join(' | ');
  const summary = [...document.querySelectorAll('.error-summary a')]
    .filter((link) => link.getAttribute('href') === `#${id}`)
    .map((link) => link.textContent?.trim());
  return {
    invalid: control.getAttribute('aria-invalid'),
    described,
    summary,
    value: control.value,
    maxLength: control.getAttribute('maxlength'),
  };
}

describe('forms with a value over its limit', () => {
  let app: FastifyInstance;
  let admin: string;
  beforeEach(async () => {
    app = await buildTestApp();
    admin = (await sessionFor(app, 'admin')).cookie;
  });

  const post = (url: string, fields: Record<string, string>, cookie = admin) =>
    app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: encode(fields) });

  it('settings: a label over 2,000 characters shows the form, the error beside the label, the rest kept', async () => {
    const response = await post('/admin/settings', {
      allowedOrigins: 'https://intranet.example',
      escalationLabel: 'x'.repeat(2001),
      escalationAddress: 'desk@example.com',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const document = dom(response.body);
    expect(fieldState(document, 'escalationLabel')).toMatchObject({
      invalid: 'true',
      summary: ['Keep the label under 200 characters.'],
      maxLength: '200',
    });
    expect(fieldState(document, 'escalationLabel').described).toContain('at most 200 characters');
    expect(fieldState(document, 'escalationAddress').value).toBe('desk@example.com');
    expect(fieldState(document, 'allowedOrigins').value).toBe('https://intranet.example');
  });

  it('helpdesk: an address over 4,000 characters shows the form with the error beside it', async () => {
    const url = `https://helpdesk.example/${'a'.repeat(4000)}`;
    const response = await post('/admin/tickets', { system: 'servicenow', url, action: 'save' });
    expect(response.statusCode).toBe(400);
    const state = fieldState(dom(response.body), 'url');
    expect(state).toMatchObject({ invalid: 'true', value: url, maxLength: '4000' });
    expect(state.summary).toEqual(['Write at most 4,000 characters (this has 4,025).']);
  });

  it('webhooks: an address over 4,000 characters shows the form with the error beside it', async () => {
    const url = `https://hooks.example/${'a'.repeat(4000)}`;
    const response = await post('/admin/webhooks', { url, events: 'outcome' });
    expect(response.statusCode).toBe(400);
    const state = fieldState(dom(response.body), 'url');
    expect(state).toMatchObject({ invalid: 'true', value: url, maxLength: '2048' });
    expect(state.summary).toEqual(['The address is longer than 2,048 characters.']);
  });

  it('sign-in: a password over 1,024 characters, or both fields empty, marks each field', async () => {
    const long = await post(
      '/sign-in',
      { email: 'kim@example.com', password: 'p'.repeat(1025) },
      '',
    );
    expect(long.statusCode).toBe(400);
    expect(fieldState(dom(long.body), 'password')).toMatchObject({
      invalid: 'true',
      summary: ['Write at most 1,024 characters (this has 1,025).'],
    });
    expect(fieldState(dom(long.body), 'email').value).toBe('kim@example.com');

    const empty = dom((await post('/sign-in', { email: '', password: '' }, '')).body);
    expect(fieldState(empty, 'email')).toMatchObject({
      invalid: 'true',
      summary: ['Enter your email address.'],
    });
    expect(fieldState(empty, 'password')).toMatchObject({
      invalid: 'true',
      summary: ['Enter your password.'],
      described: 'Error: Enter your password.',
    });
  });

  it('sign-in from a script still gets JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: OWN_ORIGIN },
      payload: { email: 'kim@example.com', password: 'p'.repeat(1025) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'sign-in-failed' });
  });
});

describe('review pages', () => {
  let app: FastifyInstance;
  let publisher: string;
  let id: number;
  beforeEach(async () => {
    app = await buildTestApp();
    const author = await sessionFor(app, 'author');
    publisher = (await sessionFor(app, 'publisher')).cookie;
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { cookie: author.cookie, origin: OWN_ORIGIN },
      payload: { tree: await editedQ164887(), summary: 'Try', baseVersion: 1 },
    });
    id = submitted.json<{ id: number }>().id;
  });

  const sendBack = (comment: string, cookie = publisher, url = `/admin/reviews/${id}/send-back`) =>
    app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: encode({ comment }) });

  it('Send back with a comment over 2,000 characters or none: the review, the comment kept, the error beside it', async () => {
    const long = await sendBack('y'.repeat(2001));
    expect(long.statusCode).toBe(400);
    const document = dom(long.body);
    expect(document.querySelector('.error-summary h2')?.textContent).toBe('It was not sent back');
    expect(fieldState(document, 'comment')).toMatchObject({
      invalid: 'true',
      value: 'y'.repeat(2001),
      summary: ['Write at most 2,000 characters (this has 2,001).'],
      maxLength: '2000',
    });
    const blank = dom((await sendBack('  ')).body);
    const state = fieldState(blank, 'comment');
    expect(state.invalid).toBe('true');
    expect(state.described).toContain('at most 2,000 characters');
    expect(state.described).toContain('Error: Write a comment for the author');
  });

  it('answers ids that name nothing, or are no number, with the not-found page', async () => {
    for (const [method, url, title] of [
      ['GET', '/admin/reviews/99999', 'No such submission'],
      ['GET', '/admin/reviews/abc', 'Page not found'],
      ['POST', '/admin/reviews/99999/publish', 'No such submission'],
      ['POST', '/admin/reviews/abc/send-back', 'No such submission'],
      ['GET', '/admin/history/nope', 'No such troubleshooter'],
      ['GET', '/admin/history/q164887/restore/999', 'No such version'],
      ['POST', '/admin/history/q164887/restore/999', 'No such version'],
      ['GET', '/admin/history/q164887/restore/abc', 'Page not found'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: { ...(method === 'POST' ? FORM : {}), cookie: publisher },
        ...(method === 'POST' ? { payload: 'comment=x' } : {}),
      });
      expect(response.statusCode, url).toBe(404);
      const document = dom(response.body);
      expect(document.querySelector('h1')?.textContent, url).toBe(title);
      expect(document.querySelector('header nav')?.textContent, url).toContain('Reviews');
      expect(document.querySelector('main a'), url).not.toBeNull();
    }
  });

  it('history: versions that are no number show the history with a word, not JSON', async () => {
    const response = await app.inject({
      url: '/admin/history/q164887?from=abc',
      headers: { cookie: publisher },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Choose the two versions from the lists');
  });

  it('opening a form’s address leads to its review', async () => {
    for (const action of ['send-back', 'publish']) {
      const response = await app.inject({
        url: `/admin/reviews/${id}/${action}`,
        headers: { cookie: publisher },
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/admin/reviews/${id}`);
    }
  });

  it('a form sent after the session ended: sign in, then back to its page, told why', async () => {
    const ended = await sendBack('Please fix the title', '');
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe(
      `/sign-in?return=${encodeURIComponent(`/admin/reviews/${id}/send-back`)}&session-ended`,
    );
    const signIn = await app.inject({ url: ended.headers.location ?? '' });
    const document = dom(signIn.body);
    expect(document.querySelector('[role=status]')?.textContent).toMatch(
      /Your session ended, so the form you sent was not saved/,
    );
    expect(document.querySelector('input[name=return]')?.getAttribute('value')).toBe(
      `/admin/reviews/${id}/send-back`,
    );
    // The settings form: back to the settings page, whatever the Referer says.
    const settings = await app.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { ...FORM, referer: 'https://elsewhere.example/' },
      payload: '',
    });
    expect(settings.headers.location).toBe('/sign-in?return=%2Fadmin%2Fsettings&session-ended');
    // The origin check still comes first.
    const foreign = await app.inject({
      method: 'POST',
      url: `/admin/reviews/${id}/send-back`,
      headers: { ...FORM, origin: 'https://elsewhere.example' },
      payload: 'comment=x',
    });
    expect(foreign.statusCode).toBe(403);
  });
});

it('a webhook resend sent after the session ended returns to the webhook’s page', async () => {
  const app = await buildTestApp();
  const ended = await app.inject({
    method: 'POST',
    url: '/admin/webhooks/4/deliveries/7/resend',
    headers: FORM,
  });
  expect(ended.headers.location).toBe(
    `/sign-in?return=${encodeURIComponent('/admin/webhooks/4/deliveries/7/resend')}&session-ended`,
  );
  const admin = (await sessionFor(app, 'admin')).cookie;
  const back = await app.inject({
    url: '/admin/webhooks/4/deliveries/7/resend',
    headers: { cookie: admin },
  });
  expect(back.headers.location).toBe('/admin/webhooks/4');
});
