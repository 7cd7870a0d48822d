import { queryOptions } from '@tanstack/react-query';
import { publicFileUrl } from '../lib/fetch-public-file';

/** Why a troubleshooter is due for review (server/reviews/reviews.ts). */
export type ReviewReason = 'review-date' | 'step-reports' | 'not-solved-rate';

export type TreeReview = {
  treeId: string;
  title: string;
  owner: string | null;
  reviewBy: string | null;
  newReports: number;
  answers: number;
  notSolved: number;
  due: ReviewReason[];
};

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
