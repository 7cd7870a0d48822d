// Review-by dates (issue 26, item 6; docs/tickets.md): each troubleshooter's owner and the
// date it is next to be reviewed, and which ones are due. A troubleshooter is due when its
// date has come, when a step report on it is still new, or when "No, it did not solve it" was
// answered more often than the admin's threshold allows. The marks are worked out when read,
// so they clear themselves once the reports are triaged or the rate falls.
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ReviewReason, TreeReview } from '../../src/engine/tree-review';
import type { Database } from '../db/database';
import {
  accounts,
  analyticsDaily,
  settings,
  stepReports,
  treeReviews,
  treeVersions,
} from '../db/schema';

export type ReviewSettings = {
  /** "No" answers, in percent of the "Did this solve it?" answers, that mark one for review. */
  notSolvedPercent: number;
  /** Answers needed before the rate counts (a few answers say little). */
  minAnswers: number;
  /** The days the rate is counted over. */
  days: number;
};

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  notSolvedPercent: 50,
  minAnswers: 10,
  days: 30,
};

export const reviewSettingsSchema = {
  type: 'object',
  properties: {
    notSolvedPercent: { type: 'integer', minimum: 1, maximum: 100 },
    minAnswers: { type: 'integer', minimum: 1, maximum: 100_000 },
    days: { type: 'integer', minimum: 1, maximum: 366 },
  },
  required: ['notSolvedPercent', 'minAnswers', 'days'],
  additionalProperties: false,
} as const;

const KEY = 'review';

export async function readReviewSettings(db: Database): Promise<ReviewSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, KEY));
  return { ...DEFAULT_REVIEW_SETTINGS, ...(row?.value as Partial<ReviewSettings> | undefined) };
}

export async function writeReviewSettings(
  db: Database,
  value: ReviewSettings,
  actorId: number | null,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value, updatedBy: actorId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedBy: actorId, updatedAt: sql`now()` },
    });
}

/** Every published troubleshooter with its owner, date, marks and whether it is due. */
export async function listReviews(db: Database, today: string): Promise<TreeReview[]> {
  const config = await readReviewSettings(db);
  const newest = await db
    .selectDistinctOn([treeVersions.treeId], {
      treeId: treeVersions.treeId,
      title: sql<string>`${treeVersions.tree}->>'title'`,
    })
    .from(treeVersions)
    .orderBy(treeVersions.treeId, sql`${treeVersions.version} desc`);
  const reviews = await db
    .select({ treeId: treeReviews.treeId, reviewBy: treeReviews.reviewBy, owner: accounts.email })
    .from(treeReviews)
    .leftJoin(accounts, eq(accounts.id, treeReviews.ownerId));
  const reports = await db
    .select({ treeId: stepReports.treeId, n: sql<number>`count(*)::int` })
    .from(stepReports)
    .where(eq(stepReports.status, 'new'))
    .groupBy(stepReports.treeId);
  const since = new Date(Date.parse(today) - (config.days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const feedback = await db
    .select({
      treeId: analyticsDaily.treeId,
      kind: analyticsDaily.kind,
      n: sql<number>`sum(${analyticsDaily.count})::int`,
    })
    .from(analyticsDaily)
    .where(
      and(inArray(analyticsDaily.kind, ['solved', 'unsolved']), gte(analyticsDaily.day, since)),
    )
    .groupBy(analyticsDaily.treeId, analyticsDaily.kind);

  return newest.map(({ treeId, title }) => {
    const review = reviews.find((row) => row.treeId === treeId);
    const newReports = reports.find((row) => row.treeId === treeId)?.n ?? 0;
    const count = (kind: string) =>
      feedback.find((row) => row.treeId === treeId && row.kind === kind)?.n ?? 0;
    const notSolved = count('unsolved');
    const answers = count('solved') + notSolved;
    const due: ReviewReason[] = [];
    if (review?.reviewBy && review.reviewBy <= today) due.push('review-date');
    if (newReports > 0) due.push('step-reports');
    if (answers >= config.minAnswers && notSolved * 100 > config.notSolvedPercent * answers) {
      due.push('not-solved-rate');
    }
    return {
      treeId,
      title: title ?? treeId,
      owner: review?.owner ?? null,
      reviewBy: review?.reviewBy ?? null,
      newReports,
      answers,
      notSolved,
      due,
    };
  });
}
