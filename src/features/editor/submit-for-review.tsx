import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { configQueryOptions } from '../../data/config-query';
import { sessionQueryOptions } from '../../data/session-query';
import type { Tree } from '../../engine/tree-schema';

/** A server page (the reviews): outside the app's routes, so a plain link. */
const serverHref = (path: string) => `${import.meta.env.BASE_URL}${path}`;

type Submission = {
  id: number;
  treeId: string;
  summary: string;
  status: 'submitted' | 'sent-back' | 'published' | 'withdrawn';
  comment: string | null;
  reviewerEmail: string | null;
  baseVersion: number | null;
  /** The version live now: above baseVersion, its review brings it up to date (ADR 63). */
  liveVersion?: number | null;
  publishedVersion: number | null;
};

/** A waiting submission made from an older version than the live one, said so. */
const behind = (entry: Submission) =>
  entry.status === 'submitted' &&
  entry.liveVersion !== undefined &&
  entry.liveVersion !== null &&
  entry.liveVersion !== entry.baseVersion
    ? ` (out of date: based on version ${entry.baseVersion ?? 'none'}; version ${entry.liveVersion} is live, and its review combines the two or names the parts you both changed)`
    : '';

const STATUS: Record<Submission['status'], string> = {
  submitted: 'waiting for review',
  'sent-back': 'sent back',
  published: 'published',
  withdrawn: 'withdrawn',
};

const submissionsKey = ['submissions'] as const;

async function readSubmissions(): Promise<Submission[]> {
  const response = await fetch(serverHref('api/submissions'), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return ((await response.json()) as { submissions: Submission[] }).submissions;
}

async function submit(body: {
  tree: Tree;
  summary: string;
  baseVersion: number | null;
  draftKey: string;
}) {
  const response = await fetch(serverHref('api/submissions'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as {
    id?: number;
    message?: string;
    problems?: { path: string; message: string }[];
  };
  if (!response.ok) {
    throw new Error(
      json.problems?.length
        ? `${json.message ?? 'Not submitted.'} (${json.problems.length} in Checks)`
        : (json.message ?? `Not submitted: the server answered ${response.status}.`),
    );
  }
  return json.id ?? 0;
}

/**
 * Submitting the tree being edited for review and publishing, on a site served by the
 * Troubleshooter server with someone signed in (docs/decisions/0030-review-and-publish.md):
 * a one-line summary, then a link to the review; the author's earlier submissions of this
 * tree with what the reviewer said.
 */
export function SubmitForReview({
  tree,
  baseVersion,
  draftKey,
}: {
  tree: Tree;
  baseVersion: number | null;
  /** The draft it is submitted from: the server settles it once it is published (ADR 61). */
  draftKey: string;
}) {
  const { data: config } = useQuery(configQueryOptions());
  const server = config?.server === true;
  const { data: account } = useQuery({ ...sessionQueryOptions(), enabled: server });
  const signedIn = server && Boolean(account);
  const { data: submissions } = useQuery({
    queryKey: submissionsKey,
    queryFn: readSubmissions,
    enabled: signedIn,
  });
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState('');
  const [error, setError] = useState('');
  const summaryId = useId();
  const summaryField = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: () => {
      setSummary('');
      return queryClient.invalidateQueries({ queryKey: submissionsKey });
    },
  });
  if (!signedIn) return null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The button stays focusable while the request is out (a disabled button would drop focus
    // to the page's top): a second press is ignored instead.
    if (mutation.isPending) return;
    if (summary.trim() === '') {
      // Rendered before focus moves, so the field is invalid and described by its error when
      // it takes focus; the error is also an alert, for a press of Enter already in the field.
      flushSync(() =>
        setError('Say in one line what you changed: the reviewer and the history show it.'),
      );
      summaryField.current?.focus();
      return;
    }
    setError('');
    mutation.mutate({ tree, summary: summary.trim(), baseVersion, draftKey });
  };
  const mine = (submissions ?? []).filter((entry) => entry.treeId === tree.id);

  return (
    <section className="editor-submit" aria-labelledby={`${summaryId}-heading`}>
      <h3 id={`${summaryId}-heading`}>Submit for review</h3>
      <p>
        A publisher sees your changes, the checks and what they do to links already shared, then
        publishes them or sends them back with a comment.
      </p>
      <form onSubmit={onSubmit} noValidate>
        <div className="editor-field">
          <label htmlFor={summaryId}>What you changed, in one line</label>
          <input
            id={summaryId}
            ref={summaryField}
            type="text"
            maxLength={200}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${summaryId}-error` : undefined}
          />
          {error ? (
            <p className="editor-field__problem" id={`${summaryId}-error`} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="editor-button"
          aria-disabled={mutation.isPending || undefined}
        >
          {mutation.isPending ? 'Submitting…' : 'Submit for review'}
        </button>
      </form>
      <div role="status">
        {mutation.isSuccess ? (
          <p>
            Submitted. <a href={serverHref(`admin/reviews/${mutation.data}`)}>Open the review</a>
          </p>
        ) : null}
        {mutation.isError ? <p className="panel panel--warning">{mutation.error.message}</p> : null}
      </div>
      {mine.length > 0 ? (
        <>
          <h4>Your submissions of this troubleshooter</h4>
          <ul>
            {mine.map((entry) => (
              <li key={entry.id}>
                <a href={serverHref(`admin/reviews/${entry.id}`)}>{entry.summary}</a>:{' '}
                {STATUS[entry.status]}
                {behind(entry)}
                {entry.publishedVersion ? ` as version ${entry.publishedVersion}` : ''}
                {entry.comment
                  ? `. ${entry.reviewerEmail ?? 'The reviewer'} says: ${entry.comment}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
