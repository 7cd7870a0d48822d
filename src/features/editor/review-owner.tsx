import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { configQueryOptions } from '../../data/config-query';
import { sessionQueryOptions } from '../../data/session-query';
import { ReviewSaveError, reviewsQueryOptions, saveTreeReview } from '../../data/tree-reviews';
import type { TreeReview } from '../../engine/tree-review';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** 2027-03-31 as "31 March 2027", read as a date with no time of day. */
function dateText(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function facts(review: TreeReview | undefined): string {
  const owner = review?.owner ? `Owner: ${review.owner}.` : 'No owner yet.';
  const date = review?.reviewBy
    ? `Review by ${dateText(review.reviewBy)}.`
    : 'No review-by date yet.';
  return `${owner} ${date}`;
}

type FieldErrors = { owner?: string; reviewBy?: string };

/** The form, started from what the server has. */
function ReviewForm({ treeId, review }: { treeId: string; review: TreeReview | undefined }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [owner, setOwner] = useState(review?.owner ?? '');
  const [reviewBy, setReviewBy] = useState(review?.reviewBy ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const ownerRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: (value: { owner: string | null; reviewBy: string | null }) =>
      saveTreeReview(treeId, value),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['reviews'] }),
        queryClient.invalidateQueries({ queryKey: ['reviews-due'] }),
      ]),
    onError: (error) => {
      if (error instanceof ReviewSaveError && error.field) {
        setErrors({ [error.field]: error.message });
        (error.field === 'owner' ? ownerRef : dateRef).current?.focus();
      }
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const email = owner.trim();
    if (email !== '' && !EMAIL.test(email)) {
      found.owner = 'Enter the owner’s e-mail address, such as kim@example.com, or leave it empty.';
    }
    if (reviewBy !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(reviewBy)) {
      found.reviewBy = 'Enter a date such as 2027-03-31, or leave it empty.';
    }
    setErrors(found);
    mutation.reset();
    if (found.owner) return ownerRef.current?.focus();
    if (found.reviewBy) return dateRef.current?.focus();
    mutation.mutate({ owner: email || null, reviewBy: reviewBy || null });
  };

  const describedBy = (name: keyof FieldErrors) =>
    [`${id}-${name}-hint`, errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ');
  const saved = mutation.isSuccess ? mutation.variables : undefined;

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Owner and review-by date</h3>
      <p>
        The owner looks after this troubleshooter; on its review-by date the editor lists it under
        Due for review (Drafts tab). {facts(review)}
      </p>
      <div className="editor-field">
        <label htmlFor={`${id}-owner`}>Owner’s e-mail address</label>
        <p id={`${id}-owner-hint`} className="editor-field__hint">
          Someone with an account here. Empty: no owner.
        </p>
        <input
          ref={ownerRef}
          id={`${id}-owner`}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={owner}
          onChange={(event) => setOwner(event.target.value)}
          aria-invalid={errors.owner ? true : undefined}
          aria-describedby={describedBy('owner')}
        />
        {errors.owner ? (
          <p className="editor-field__problem" id={`${id}-owner-error`}>
            {errors.owner}
          </p>
        ) : null}
      </div>
      <div className="editor-field">
        <label htmlFor={`${id}-date`}>Review by</label>
        <p id={`${id}-reviewBy-hint`} className="editor-field__hint">
          The date it is next to be checked. Empty: no date.
        </p>
        <input
          ref={dateRef}
          id={`${id}-date`}
          type="date"
          value={reviewBy}
          onChange={(event) => setReviewBy(event.target.value)}
          aria-invalid={errors.reviewBy ? true : undefined}
          aria-describedby={describedBy('reviewBy')}
        />
        {errors.reviewBy ? (
          <p className="editor-field__problem" id={`${id}-reviewBy-error`}>
            {errors.reviewBy}
          </p>
        ) : null}
      </div>
      <button type="submit" className="editor-button" disabled={mutation.isPending}>
        {mutation.isPending ? 'Saving…' : 'Save owner and date'}
      </button>
      <div role="status" className="review-owner__status">
        {saved ? (
          <p>
            Saved. {saved.owner ? `Owner: ${saved.owner}.` : 'No owner.'}{' '}
            {saved.reviewBy ? `Review by ${dateText(saved.reviewBy)}.` : 'No review-by date.'}
          </p>
        ) : null}
        {mutation.isError &&
        !(mutation.error instanceof ReviewSaveError && mutation.error.field) ? (
          <p className="panel panel--warning">{mutation.error.message}</p>
        ) : null}
        {mutation.isError && mutation.error instanceof ReviewSaveError && mutation.error.field ? (
          <p>Not saved: see the message under the field.</p>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A published troubleshooter's owner and review-by date (issue 26, item 6), on a site with a
 * Troubleshooter server, for people signed in: publishers and admins set them, authors see
 * them. Saved on its own (not with the draft): it is about the troubleshooter, not a version.
 */
export function ReviewOwner({ treeId }: { treeId: string }) {
  const { data: config } = useQuery(configQueryOptions());
  const server = config?.server === true;
  const { data: account } = useQuery({ ...sessionQueryOptions(), enabled: server });
  const signedIn = server && Boolean(account);
  const { data: reviews, isError } = useQuery({ ...reviewsQueryOptions(), enabled: signedIn });
  if (!signedIn || !account) return null;
  const review = reviews?.find((entry) => entry.treeId === treeId);
  return (
    <section className="editor-review-owner">
      {isError ? (
        <>
          <h3>Owner and review-by date</h3>
          <p className="panel panel--warning">
            The owner and review-by date could not be loaded. Reload the page to try again.
          </p>
        </>
      ) : reviews === undefined ? (
        <>
          <h3>Owner and review-by date</h3>
          <p>Loading the owner and review-by date…</p>
        </>
      ) : account.role === 'author' ? (
        <>
          <h3>Owner and review-by date</h3>
          <p>{facts(review)} A publisher or an admin sets them.</p>
        </>
      ) : (
        // Started once from what the server has; the refetch after a save brings back what
        // was just saved, so the form (and its "Saved" message) stays as it is.
        <ReviewForm key={treeId} treeId={treeId} review={review} />
      )}
    </section>
  );
}
