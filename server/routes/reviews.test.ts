import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

const TREE = 'q164887';
const feedback = (kind: 'solved' | 'unsolved') => ({
  kind,
  tree: TREE,
  version: 2,
  node: 'diagnosis',
});

describe('review-by dates', () => {
  let app: FastifyInstance;
  let author: string;
  let publisher: { cookie: string; email: string };
  let admin: string;
  beforeEach(async () => {
    app = await buildTestApp();
    author = (await sessionFor(app, 'author')).cookie;
    const signedIn = await sessionFor(app, 'publisher');
    publisher = { cookie: signedIn.cookie, email: signedIn.account.email };
    admin = (await sessionFor(app, 'admin')).cookie;
  });

  const due = async () =>
    (await app.inject({ url: '/api/reviews?due=true', headers: { cookie: author } })).json<
      { treeId: string; owner: string | null; reviewBy: string | null; due: string[] }[]
    >();

  const setReview = (body: unknown, cookie = publisher.cookie, tree = TREE) =>
    app.inject({
      method: 'PUT',
      url: `/api/reviews/${tree}`,
      headers: { cookie, origin: OWN_ORIGIN },
      payload: body as Record<string, unknown>,
    });

  it('a publisher sets the owner and review-by date; the editor lists it once the date has come', async () => {
    expect(await due()).toEqual([]);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect((await setReview({ owner: publisher.email, reviewBy: later })).statusCode).toBe(204);
    const all = (await app.inject({ url: '/api/reviews', headers: { cookie: author } })).json<
      { treeId: string; owner: string; reviewBy: string; due: string[] }[]
    >();
    expect(all.find((review) => review.treeId === TREE)).toMatchObject({
      owner: publisher.email,
      reviewBy: later,
      due: [],
    });
    const today = new Date().toISOString().slice(0, 10);
    expect((await setReview({ owner: publisher.email, reviewBy: today })).statusCode).toBe(204);
    expect(await due()).toEqual([
      expect.objectContaining({ treeId: TREE, owner: publisher.email, due: ['review-date'] }),
    ]);
    const audit = await app.db.select().from(auditEvents);
    expect(audit.filter((entry) => entry.action === 'review.changed')).toHaveLength(2);

    // Not an account, not a tree, not a date, not a publisher.
    expect((await setReview({ owner: 'nobody@example.com', reviewBy: null })).statusCode).toBe(400);
    expect(
      (await setReview({ owner: null, reviewBy: null }, publisher.cookie, 'nope')).statusCode,
    ).toBe(404);
    expect((await setReview({ owner: null, reviewBy: '2027-13-45' })).statusCode).toBe(400);
    expect((await setReview({ owner: null, reviewBy: null }, author)).statusCode).toBe(403);
  });

  it('a new step report marks it for review until the report is triaged', async () => {
    const sent = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { origin: OWN_ORIGIN },
      payload: { tree: TREE, node: 'sms-version', category: 'unclear', text: 'Which version?' },
    });
    expect(sent.statusCode).toBe(201);
    expect(await due()).toEqual([
      expect.objectContaining({ treeId: TREE, newReports: 1, due: ['step-reports'] }),
    ]);
    const done = await app.inject({
      method: 'PATCH',
      url: `/api/reports/${sent.json<{ id: number }>().id}`,
      headers: { cookie: author, origin: OWN_ORIGIN },
      payload: { status: 'done' },
    });
    expect(done.statusCode).toBe(200);
    expect(await due()).toEqual([]);
  });

  it('a "No, it did not solve it" rate above the admin\'s threshold marks it for review', async () => {
    const post = (events: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { origin: OWN_ORIGIN },
        payload: { events },
      });
    // 4 of 10 answers are No: under the default 50%.
    const answers = [
      ...Array.from({ length: 6 }, () => feedback('solved')),
      ...Array.from({ length: 4 }, () => feedback('unsolved')),
    ];
    expect((await post(answers)).json()).toEqual({ stored: 10 });
    expect(await due()).toEqual([]);
    const settings = await app.inject({
      method: 'PUT',
      url: '/api/settings/review',
      headers: { cookie: admin, origin: OWN_ORIGIN },
      payload: { notSolvedPercent: 30, minAnswers: 10, days: 30 },
    });
    expect(settings.statusCode).toBe(204);
    expect(
      (await app.inject({ url: '/api/settings/review', headers: { cookie: admin } })).json(),
    ).toEqual({ notSolvedPercent: 30, minAnswers: 10, days: 30 });
    expect(await due()).toEqual([
      expect.objectContaining({
        treeId: TREE,
        answers: 10,
        notSolved: 4,
        due: ['not-solved-rate'],
      }),
    ]);
    // Fewer answers than the minimum say too little.
    await app.inject({
      method: 'PUT',
      url: '/api/settings/review',
      headers: { cookie: admin, origin: OWN_ORIGIN },
      payload: { notSolvedPercent: 30, minAnswers: 11, days: 30 },
    });
    expect(await due()).toEqual([]);
  });
});
