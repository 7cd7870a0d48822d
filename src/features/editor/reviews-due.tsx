import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { reviewsDueQueryOptions } from '../../data/tree-reviews';
import type { TreeReview } from '../../engine/tree-review';
import { paths } from '../../lib/paths';

function reasons(review: TreeReview): string {
  return review.due
    .map((reason) => {
      if (reason === 'review-date') return `review by ${review.reviewBy ?? ''}`;
      if (reason === 'step-reports') {
        return review.newReports === 1
          ? '1 new step report'
          : `${review.newReports} new step reports`;
      }
      return `${review.notSolved} of ${review.answers} said it did not solve it`;
    })
    .join('; ');
}

/**
 * The troubleshooters due for review (issue 26, item 6; docs/tickets.md): past their review-by
 * date, with new step reports, or answered "No, it did not solve it" too often. Only with a
 * server, for people signed in to edit.
 */
export function ReviewsDue() {
  const { data, isError } = useQuery(reviewsDueQueryOptions());
  return (
    <section aria-labelledby="reviews-due-heading">
      <h3 id="reviews-due-heading">Due for review</h3>
      {isError ? (
        <p>The list of troubleshooters due for review could not be loaded.</p>
      ) : data === undefined ? (
        <p>Loading the troubleshooters due for review…</p>
      ) : data.length === 0 ? (
        <p>No troubleshooter is due for review.</p>
      ) : (
        <ul className="editor-drafts">
          {data.map((review) => (
            <li key={review.treeId}>
              <Link to={paths.edit.getHref(review.treeId)}>{review.title}</Link>: {reasons(review)}
              {review.owner ? ` (owner ${review.owner})` : ' (no owner)'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
