import { queryOptions } from '@tanstack/react-query';
import { publicFileUrl } from '../lib/fetch-public-file';
import type { TreeReview } from '../engine/tree-review';

/** The troubleshooters due for review, for authors and up (GET /api/reviews?due=true). */
export function reviewsDueQueryOptions() {
  return queryOptions({
    queryKey: ['reviews-due'],
    queryFn: async ({ signal }): Promise<TreeReview[]> => {
      const response = await fetch(publicFileUrl('api/reviews?due=true'), { signal });
      if (!response.ok) throw new Error(`reviews: ${response.status}`);
      return (await response.json()) as TreeReview[];
    },
  });
}

const reviewsKey = ['reviews'] as const;

/** Every published troubleshooter's owner, review-by date and marks (GET /api/reviews, authors and up). */
export function reviewsQueryOptions() {
  return queryOptions({
    queryKey: reviewsKey,
    queryFn: async ({ signal }): Promise<TreeReview[]> => {
      const response = await fetch(publicFileUrl('api/reviews'), { signal });
      if (!response.ok) throw new Error(`reviews: ${response.status}`);
      return (await response.json()) as TreeReview[];
    },
  });
}

/** Why saving a review failed, in words for the person; `field` when one field is at fault. */
export class ReviewSaveError extends Error {
  constructor(
    message: string,
    readonly field: 'owner' | 'reviewBy' | undefined,
  ) {
    super(message);
  }
}

/**
 * Sets a troubleshooter's owner (an account's e-mail address) and review-by date
 * (YYYY-MM-DD), either null (PUT /api/reviews/<tree>, publishers and admins).
 */
export async function saveTreeReview(
  treeId: string,
  review: { owner: string | null; reviewBy: string | null },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(publicFileUrl(`api/reviews/${encodeURIComponent(treeId)}`), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(review),
    });
  } catch {
    throw new ReviewSaveError('Not saved: the server could not be reached. Try again.', undefined);
  }
  if (response.ok) return;
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (json.error === 'unknown-owner') {
    throw new ReviewSaveError(
      `No account has the e-mail address ${review.owner ?? ''}: the owner must be someone who can sign in here.`,
      'owner',
    );
  }
  if (json.error === 'invalid-date') {
    throw new ReviewSaveError('That is not a date: choose one from the calendar.', 'reviewBy');
  }
  throw new ReviewSaveError(
    response.status === 401 || response.status === 403
      ? 'Not saved: only a publisher or an admin can set the owner and the date. Sign in again if your session ended.'
      : `Not saved: ${json.message ?? `the server answered ${response.status}`}`,
    undefined,
  );
}
