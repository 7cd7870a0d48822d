// Whether a troubleshooter is due for review (issue 26, ADR 37): the shape the server works
// out when it is read (server/reviews/reviews.ts) and the editor shows (src/data/tree-reviews.ts).

/** Why a troubleshooter is due for review. */
export type ReviewReason = 'review-date' | 'step-reports' | 'not-solved-rate';

export type TreeReview = {
  treeId: string;
  title: string;
  owner: string | null;
  reviewBy: string | null;
  /** Step reports still marked New. */
  newReports: number;
  /** "Did this solve it?" over the admin's days: answers, and how many were No. */
  answers: number;
  notSolved: number;
  /** Why it is due; empty when it is not. */
  due: ReviewReason[];
};
