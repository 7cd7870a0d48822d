// The pages of review and publishing (docs/decisions/0030-review-and-publish.md): the list of
// submissions, one review (changes, checks, impact on shared links, Publish / Send back), and
// a troubleshooter's history (versions, the changes between any two, Restore). Plain forms,
// no script, like the settings page; the impact report is grouped by the engine's
// groupImpact, the same function the editor's impact panel uses.
import type { TreeProblem } from '../../src/engine/graph-checks';
import { groupImpact, linkCount, type TreeChange } from '../../src/engine/tree-changes';
import type { TreeImpact } from '../../src/engine/tree-impact';
import { replayTrail } from '../../src/engine/replay-trail';
import type { Tree } from '../../src/engine/tree-schema';
import { errorSummary, fieldError } from './form-parts';
import { html, type Markup } from './html';
import { renderPage, type PageAccount } from './page-layout';

/** The longest comment a publisher may send back (the routes' schemas and the textarea). */
export const SEND_BACK_COMMENT_LIMIT = 2000;

export type SubmissionRow = {
  id: number;
  treeId: string;
  title: string;
  summary: string;
  authorEmail: string;
  status: string;
  createdAt: Date;
  comment: string | null;
  reviewerEmail: string | null;
  baseVersion: number | null;
  /** The version live now (null: none yet). */
  liveVersion: number | null;
  publishedVersion: number | null;
};

/** A part both a submission and the version live since changed, differently (ADR 63). */
export type Conflict = {
  part: string;
  label: string;
  /** Each side as a person reads it; undefined where that side has removed it. */
  submitted: string | undefined;
  live: string | undefined;
};

/** Made from a version older than the live one: its review brings it up to date (ADR 63). */
const isBehind = (row: SubmissionRow) =>
  row.liveVersion !== null && row.liveVersion !== row.baseVersion;

/** What a waiting submission was made from, when that is no longer the live version. */
function behindText(row: SubmissionRow): string {
  return row.baseVersion === null
    ? `Out of date: submitted as a new troubleshooter; version ${row.liveVersion} is live`
    : `Out of date: based on version ${row.baseVersion}; version ${row.liveVersion} is live`;
}

const STATUS_TEXT: Record<string, string> = {
  submitted: 'Waiting for review',
  'sent-back': 'Sent back',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

const when = (at: Date) =>
  html`<time datetime="${at.toISOString()}"
    >${at.toISOString().slice(0, 16).replace('T', ' ')} UTC</time
  >`;

function notice(text: string | null): Markup | null {
  return text
    ? html`<div class="notice" role="status" tabindex="-1" autofocus><p>${text}</p></div>`
    : null;
}

/** The list of submissions: for an author their own, for a publisher everyone's. */
export function renderReviewList(state: {
  base: string;
  account: PageAccount;
  rows: SubmissionRow[];
  reviewer: boolean;
}): string {
  const { base, account, rows, reviewer } = state;
  const waiting = rows.filter((row) => row.status === 'submitted');
  const others = rows.filter((row) => row.status !== 'submitted');
  const list = (items: SubmissionRow[]) =>
    html`<ul class="review-list">
      ${items.map(
        (row) =>
          html`<li>
            <a href="${base}admin/reviews/${row.id}">${row.title}</a>: ${row.summary}
            <span class="review-list__meta"
              >${STATUS_TEXT[row.status] ?? row.status} · ${row.authorEmail} ·
              ${when(row.createdAt)}</span
            >
            ${
              row.status === 'submitted' && isBehind(row)
                ? html`<span class="review-list__meta review-list__behind"
                    >${behindText(row)}</span
                  >`
                : null
            }
            ${row.comment ? html`<span class="review-list__meta">Comment from ${row.reviewerEmail ?? 'the reviewer'}: ${row.comment}</span>` : null}
          </li>`,
      )}
    </ul>`;
  const content = html`<h1 tabindex="-1">${reviewer ? 'Reviews' : 'Your submissions'}</h1>
    <p>
      ${
        reviewer
          ? 'Troubleshooters that authors asked to publish. Open one to see its changes, its checks and what it does to links already shared.'
          : 'What you submitted for publishing, and what the reviewers said. Submit from the editor’s Publishing tab.'
      }
    </p>
    <h2>Waiting for review (${waiting.length})</h2>
    ${waiting.length === 0 ? html`<p>Nothing is waiting.</p>` : list(waiting)}
    <h2>Reviewed</h2>
    ${others.length === 0 ? html`<p>Nothing yet.</p>` : list(others)}`;
  return renderPage({ base, title: reviewer ? 'Reviews' : 'Your submissions', account, content });
}

function changeText(change: TreeChange): Markup {
  switch (change.kind) {
    case 'tree-field':
      return html`<strong>Changed</strong> the troubleshooter’s ${change.field}: “${change.before}”
        → “${change.after}”`;
    case 'node-added':
      return html`<strong>Added</strong>
        ${change.nodeKind === 'question' ? 'the question' : 'the outcome'} “${change.label}”`;
    case 'node-removed':
      return html`<strong>Removed</strong>
        ${change.nodeKind === 'question' ? 'the question' : 'the outcome'} “${change.label}”`;
    case 'node-reworded':
      return change.was === undefined
        ? html`<strong>Reworded</strong> “${change.label}” (${change.fields.join(', ')})`
        : html`<strong>Reworded</strong> “${change.was}” → “${change.label}”
            (${change.fields.join(', ')})`;
    case 'answer-added':
      return html`<strong>Added</strong> the answer “${change.answer}” to “${change.question}”`;
    case 'answer-removed':
      return html`<strong>Removed</strong> the answer “${change.answer}” from “${change.question}”`;
    case 'answer-reworded':
      return html`<strong>Reworded</strong> the answer “${change.answer}” of “${change.question}”
        (${change.fields.join(', ')})`;
    case 'answer-repointed':
      return html`<strong>Re-pointed</strong> the answer “${change.answer}” of “${change.question}”:
        it led to “${change.from}”, now to “${change.to}”`;
    case 'answer-renamed':
      return html`<strong>Renamed the address</strong> of the answer “${change.answer}” of
        “${change.question}”: ${change.from} → ${change.to}`;
  }
}

/**
 * Changes node by node. `result`: the answer to a request on this page (the history's
 * Compare), so its heading takes focus when the page loads and its count is said first.
 */
export function changesSection(
  changes: TreeChange[],
  heading: string,
  options: { result?: boolean; none?: string } = {},
): Markup {
  const count = `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}:`;
  return html`<section aria-labelledby="changes-heading">
    ${
      options.result
        ? html`<h2 id="changes-heading" tabindex="-1" autofocus>${heading}</h2>`
        : html`<h2 id="changes-heading">${heading}</h2>`
    }
    ${options.result && changes.length > 0 ? html`<p>${count}</p>` : null}
    ${
      changes.length === 0
        ? html`<p>${options.none ?? 'No changes.'}</p>`
        : html`<ul class="change-list">
            ${changes.map((change) => html`<li>${changeText(change)}</li>`)}
          </ul>`
    }
  </section>`;
}

/** A new troubleshooter has no changes to list: what it holds, every step of it new. */
function newTreeSection(tree: Tree): Markup {
  const questions = tree.nodes.filter((node) => node.kind === 'question');
  const outcomes = tree.nodes.filter((node) => node.kind !== 'question');
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return html`<section aria-labelledby="changes-heading">
    <h2 id="changes-heading">A new troubleshooter</h2>
    <p>
      “${tree.title}”: ${count(questions.length, 'question', 'questions')} and
      ${count(outcomes.length, 'result', 'results')}, all new.
    </p>
    <ul class="change-list">
      ${questions.map((node) => html`<li><strong>Question</strong> “${node.prompt}”</li>`)}
      ${outcomes.map((node) => html`<li><strong>Result</strong> “${node.title}”</li>`)}
    </ul>
  </section>`;
}

/** Where a link's answers that are kept lead in the new version (what its notice offers). */
function endOf(tree: Tree, trail: readonly string[]): string {
  const node = replayTrail(tree, trail).node;
  return node.kind === 'question' ? node.prompt : node.title;
}

const trailText = (trail: readonly string[]) =>
  trail.length === 0 ? '(the start)' : trail.join('/');

/** The impact on shared links, grouped by cause, each group's links behind a disclosure. */
export function impactSection(deployed: Tree, draft: Tree, impact: TreeImpact | null): Markup {
  if (!impact) {
    return html`<section aria-labelledby="impact-heading">
      <h2 id="impact-heading">Links already shared</h2>
      <p>A new troubleshooter: no links to it have been shared yet.</p>
    </section>`;
  }
  const groups = groupImpact(deployed, draft, impact);
  const affected = groups.reduce((sum, group) => sum + group.trails.length, 0);
  const total = impact.trails.length;
  return html`<section aria-labelledby="impact-heading">
    <h2 id="impact-heading">Links already shared</h2>
    <p>
      ${
        affected === 0
          ? `All ${total} step links of version ${deployed.version} still lead where they did.`
          : `${affected} of the ${total} step links of version ${deployed.version} change; the rest lead where they did. Old links keep working: they open with a notice saying what changed.`
      }
    </p>
    ${
      groups.length === 0
        ? null
        : html`<ul class="impact-groups">
            ${groups.map(
              (group) =>
                html`<li>
                  <p>
                    <strong>${group.cause}</strong>: ${linkCount(group.trails.length)}
                    ${group.effect}.
                  </p>
                  <p>
                    For example:
                    ${group.trails
                      .slice(0, 3)
                      .map(
                        (trail, index) =>
                          html`${index > 0 ? ', ' : ''}<code>${trailText(trail.trail)}</code>`,
                      )}
                  </p>
                  ${
                    group.trails.length > 3
                      ? html`<details>
                          <summary>All ${group.trails.length} links</summary>
                          <ul>
                            ${group.trails.map((trail) =>
                              group.kind === 'answer-renamed'
                                ? html`<li>
                                    <code>${trailText(trail.trail)}</code> opens as
                                    <code>${trailText(trail.migration.trail)}</code>
                                  </li>`
                                : html`<li>
                                    <code>${trailText(trail.trail)}</code>: it led to
                                    “${trail.before.label}”, now to
                                    “${endOf(draft, trail.migration.trail)}”
                                  </li>`,
                            )}
                          </ul>
                        </details>`
                      : null
                  }
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}

/**
 * A submission made from an older version than the live one, brought up to date with it
 * (ADR 63): what was combined, or the parts both changed, which stop it being published.
 */
function behindSection(
  row: SubmissionRow,
  live: number,
  conflicts: readonly Conflict[],
  /** A publisher reads what to do with it; its author, what to do to it. */
  reviewer: boolean,
): Markup {
  const madeFrom =
    row.baseVersion === null
      ? `This was submitted as a new troubleshooter, and version ${live} of “${row.treeId}” was published since.`
      : `This was edited from version ${row.baseVersion}, and version ${live} was published after it was submitted.`;
  if (conflicts.length === 0) {
    return html`<section class="notice" aria-labelledby="behind-heading">
      <h2 id="behind-heading">Brought up to date with version ${live}</h2>
      <p>${madeFrom}</p>
      <p>
        Its changes are combined with version ${live}’s, part by part: the changes below are its
        own, and publishing it keeps everything version ${live} changed.
      </p>
    </section>`;
  }
  const sides = (conflict: Conflict) =>
    conflict.part.startsWith('field:')
      ? html`: this submission has “${conflict.submitted ?? ''}”, version ${live} has
        “${conflict.live ?? ''}”`
      : conflict.live === undefined
        ? html`: version ${live} removed it, this submission changed it`
        : conflict.submitted === undefined
          ? html`: this submission removed it, version ${live} changed it`
          : html`: both changed it`;
  return html`<section class="notice notice--warning" aria-labelledby="behind-heading">
    <h2 id="behind-heading">It cannot be published as it is</h2>
    <p>
      ${madeFrom} Both changed the same
      ${conflicts.length === 1 ? 'part' : `${conflicts.length} parts`}, differently:
    </p>
    <ul class="conflict-list">
      ${conflicts.map((conflict) => html`<li><strong>${conflict.label}</strong>${sides(conflict)}</li>`)}
    </ul>
    <p>
      ${
        reviewer
          ? `Send it back: its author opens the draft in the editor, compares it with version ${live}, chooses for each part, and submits it again.`
          : `To publish it: open your draft in the editor, compare it with version ${live} (Impact and publishing), choose for each part, and submit it again.`
      }
      The changes listed below are the ones that do not conflict.
    </p>
  </section>`;
}

function checksSection(problems: readonly TreeProblem[]): Markup {
  return html`<section aria-labelledby="checks-heading">
    <h2 id="checks-heading">Checks</h2>
    ${
      problems.length === 0
        ? html`<p>It passes every check the site is built with.</p>`
        : html`<p class="field-error">It does not pass the checks, so it cannot be published:</p>
            <ul>
              ${problems.map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}
            </ul>`
    }
  </section>`;
}

/** One submission: what it changes, its checks, its impact, and what may be done with it. */
export function renderReview(state: {
  base: string;
  account: PageAccount;
  row: SubmissionRow;
  deployed: Tree | null;
  submitted: Tree;
  changes: TreeChange[];
  problems: readonly TreeProblem[];
  impact: TreeImpact | null;
  mayPublish: boolean;
  mayReview: boolean;
  /** Made from an older version than the live one, and brought up to date with it. */
  behind: boolean;
  /** The parts both it and the live version changed: it cannot be published. */
  conflicts: readonly Conflict[];
  message?: string | null;
  error?: string | null;
  /** A Send back that was refused: the comment as typed, and why, beside the field. */
  sendBack?: { comment: string; error: string } | null;
}): string {
  const { base, account, row, deployed, submitted, changes, problems, impact } = state;
  const open = row.status === 'submitted';
  const sendBack = state.sendBack ?? null;
  const conflicts = deployed ? state.conflicts : [];
  const content = html`<h1 tabindex="-1">Review: ${row.title}</h1>
    ${notice(state.message ?? null)}
    ${errorSummary('It was not published', state.error ? [{ text: state.error }] : [])}
    ${errorSummary(
      'It was not sent back',
      sendBack ? [{ href: '#comment', text: sendBack.error }] : [],
    )}
    <dl class="review-facts">
      <dt>Summary</dt>
      <dd>${row.summary}</dd>
      <dt>Author</dt>
      <dd>${row.authorEmail}, ${when(row.createdAt)}</dd>
      <dt>Status</dt>
      <dd>
        ${STATUS_TEXT[row.status] ?? row.status}${row.publishedVersion ? ` as version ${row.publishedVersion}` : ''}
      </dd>
      <dt>Edited from</dt>
      <dd>
        ${row.baseVersion ? `version ${row.baseVersion}` : 'nothing: a new troubleshooter'}${state.behind && deployed ? ` (version ${deployed.version} is live now)` : ''}
      </dd>
      ${
        row.comment
          ? html`<dt>Comment</dt>
              <dd>${row.comment} (${row.reviewerEmail ?? ''})</dd>`
          : null
      }
    </dl>
    ${
      // Also once sent back: its author reads there which parts to settle.
      state.behind && deployed && (open || (row.status === 'sent-back' && conflicts.length > 0))
        ? behindSection(row, deployed.version, conflicts, state.mayReview)
        : null
    }
    ${
      deployed
        ? changesSection(
            changes,
            conflicts.length > 0
              ? `Changes from version ${deployed.version} that do not conflict`
              : `Changes from version ${deployed.version}`,
            conflicts.length > 0
              ? { none: `None: all it changes conflicts with version ${deployed.version}.` }
              : {},
          )
        : newTreeSection(submitted)
    }
    ${checksSection(problems)} ${impactSection(deployed ?? submitted, submitted, impact)}
    ${
      open && (state.mayPublish || state.mayReview)
        ? html`<section aria-labelledby="decide-heading">
            <h2 id="decide-heading">Your decision</h2>
            ${
              state.mayPublish && conflicts.length > 0
                ? html`<p>
                    It can be published once its author has settled the conflicts above and
                    submitted it again.
                  </p>`
                : null
            }
            ${
              state.mayPublish && problems.length === 0 && conflicts.length === 0
                ? html`<form
                    method="post"
                    action="${base}admin/reviews/${row.id}/publish"
                    class="page-form"
                  >
                    <input type="hidden" name="live" value="${deployed?.version ?? 0}" />
                    <button type="submit" class="page-button">
                      Publish as version ${(deployed?.version ?? 0) + 1}
                    </button>
                  </form>`
                : null
            }
            ${
              state.mayReview
                ? html`<form
                    method="post"
                    action="${base}admin/reviews/${row.id}/send-back"
                    class="page-form"
                  >
                    <div class="field">
                      <label for="comment">Comment for the author</label>
                      <p id="comment-hint" class="field-hint">
                        What to change before it can be published; at most
                        ${SEND_BACK_COMMENT_LIMIT.toLocaleString('en-GB')} characters.
                      </p>
                      ${fieldError('comment', sendBack?.error)}
                      <textarea
                        id="comment"
                        name="comment"
                        rows="3"
                        required
                        maxlength="${SEND_BACK_COMMENT_LIMIT}"
                        aria-describedby="comment-hint${sendBack ? ' comment-error' : ''}"
                        ${sendBack ? html` aria-invalid="true"` : null}
                      >
${sendBack?.comment ?? ''}</textarea>
                    </div>
                    <button type="submit" class="page-button page-button--secondary">
                      Send back
                    </button>
                  </form>`
                : null
            }
          </section>`
        : null
    }
    <p>
      <a href="${base}admin/reviews">All submissions</a> ·
      <a href="${base}admin/history/${row.treeId}">History of ${row.title}</a>
    </p>`;
  return renderPage({
    base,
    title: `Review: ${row.title}`,
    account,
    content,
    hasErrors: Boolean(state.error || sendBack),
  });
}

export type VersionRow = {
  version: number;
  publishedAt: Date;
  publishedByEmail: string | null;
  summary: string | null;
};

/** A troubleshooter's published versions, the changes between two, and Restore. */
export function renderHistory(state: {
  base: string;
  account: PageAccount;
  treeId: string;
  title: string;
  versions: VersionRow[];
  compare: { from: number; to: number; changes: TreeChange[] } | null;
  /**
   * Why the versions asked for could not be compared: one is not a version, only one was
   * given, or the address's are not numbers (`from=abc`).
   */
  compareError?: string | null;
  mayRestore: boolean;
  message?: string | null;
}): string {
  const { base, account, treeId, title, versions, compare } = state;
  const compareError = state.compareError ?? null;
  const live = versions[0]?.version;
  const options = (selected: number | undefined) =>
    versions.map(
      (row) =>
        html`<option value="${row.version}" ${row.version === selected ? html`selected` : null}>
          Version ${row.version}
        </option>`,
    );
  const content = html`<h1 tabindex="-1">History: ${title}</h1>
    ${notice(state.message ?? null)}
    <p>
      <a href="${base}map/${treeId}/report">Report: how it is used and what solves it</a> ·
      <a href="${base}edit/${treeId}">Edit</a>
    </p>
    <div class="audit-table-wrap" role="region" aria-label="Published versions" tabindex="0">
      <table class="audit-table">
        <caption class="visually-hidden">
          Published versions, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Summary</th>
            ${state.mayRestore ? html`<th scope="col">Restore</th>` : null}
          </tr>
        </thead>
        <tbody>
          ${versions.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.version}${row.version === live ? ' (live)' : ''}</th>
                <td>${when(row.publishedAt)}</td>
                <td>${row.publishedByEmail ?? 'shipped with the site'}</td>
                <td>${row.summary ?? ''}</td>
                ${
                  state.mayRestore
                    ? html`<td>
                        ${
                          row.version === live
                            ? ''
                            : html`<a href="${base}admin/history/${treeId}/restore/${row.version}"
                                >Restore version ${row.version}</a
                              >`
                        }
                      </td>`
                    : null
                }
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h2>Compare two versions</h2>
    ${errorSummary(
      'The versions could not be compared',
      compareError ? [{ text: compareError, href: '#from' }] : [],
    )}
    <form method="get" action="${base}admin/history/${treeId}" class="compare-form">
      <div class="field">
        <label for="from">From</label>
        <select id="from" name="from">
          ${options(compare?.from ?? versions[1]?.version)}
        </select>
      </div>
      <div class="field">
        <label for="to">To</label>
        <select id="to" name="to">
          ${options(compare?.to ?? live)}
        </select>
      </div>
      <button type="submit" class="page-button page-button--secondary">Compare</button>
    </form>
    ${
      compare
        ? changesSection(
            compare.changes,
            `Changes from version ${compare.from} to version ${compare.to}`,
            {
              result: true,
              none:
                compare.from === compare.to
                  ? `No changes: you compared version ${compare.from} with itself.`
                  : 'No changes.',
            },
          )
        : null
    }
    <p>
      <a href="${base}admin/reviews">Submissions</a> ·
      <a href="${base}${treeId}">The live troubleshooter</a>
    </p>`;
  return renderPage({
    base,
    title: `History: ${title}`,
    account,
    content,
    wide: true,
    hasErrors: compareError !== null,
  });
}

/** Restoring an old version: what it changes against the live one, then Publish. */
export function renderRestore(state: {
  base: string;
  account: PageAccount;
  treeId: string;
  live: Tree;
  restored: Tree;
  changes: TreeChange[];
  impact: TreeImpact;
}): string {
  const { base, account, treeId, live, restored } = state;
  const content = html`<h1 tabindex="-1">Restore version ${restored.version} of ${live.title}</h1>
    <p>
      Restoring publishes version ${restored.version}’s content again as version
      ${live.version + 1}; version ${live.version} stays in the history, and its links keep working.
    </p>
    ${changesSection(state.changes, `Changes from the live version ${live.version}`)}
    ${impactSection(live, restored, state.impact)}
    <form
      method="post"
      action="${base}admin/history/${treeId}/restore/${restored.version}"
      class="page-form"
    >
      <button type="submit" class="page-button">
        Publish version ${restored.version} again as version ${live.version + 1}
      </button>
    </form>
    <p><a href="${base}admin/history/${treeId}">Back to the history</a></p>`;
  return renderPage({ base, title: `Restore version ${restored.version}`, account, content });
}

/** The admin's publishing setting (its own form, beside the settings page's). */
export function renderPublishingSettings(state: {
  base: string;
  account: PageAccount;
  onePerson: boolean;
  saved: boolean;
}): string {
  const { base, account } = state;
  const content = html`<h1 tabindex="-1">Publishing</h1>
    ${notice(state.saved ? 'Saved.' : null)}
    <form method="post" action="${base}admin/publishing" class="page-form">
      <fieldset class="field">
        <legend>Who may publish</legend>
        <div>
          <input
            type="radio"
            id="two"
            name="onePerson"
            value="false"
            ${state.onePerson ? null : html`checked`}
          />
          <label for="two">A publisher reviews every submission (two people)</label>
        </div>
        <div>
          <input
            type="radio"
            id="one"
            name="onePerson"
            value="true"
            ${state.onePerson ? html`checked` : null}
          />
          <label for="one"
            >Authors may publish their own submissions (one person, for small teams)</label
          >
        </div>
      </fieldset>
      <button type="submit" class="page-button">Save</button>
    </form>`;
  return renderPage({ base, title: 'Publishing', account, content });
}
