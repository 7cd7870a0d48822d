import type { MigrationNotice } from '../../engine/migrate-trail';
import type { NodeRef, TreeImpact, TrailImpact } from '../../engine/tree-impact';
import type { Tree } from '../../engine/tree-schema';
import { groupImpact, linkCount } from '../../engine/tree-changes';

function trailText(trail: readonly string[]): string {
  return trail.length === 0 ? '(the start)' : trail.join('/');
}

function nodeText(node: NodeRef): string {
  return `${node.kind === 'question' ? 'question' : 'outcome'} “${node.label || node.id}”`;
}

/** What the step page will tell a person who opens the link (version-changed-screen.tsx). */
function noticeText(notice: MigrationNotice): string {
  switch (notice.kind) {
    case 'question-removed':
      return `“${notice.question}” is removed`;
    case 'answer-removed':
      return `“${notice.answer}” is no longer offered for “${notice.question}”`;
    case 'answer-renamed':
      return `“${notice.answer}” of “${notice.question}” has a new address (${notice.from} → ${notice.to}) and is kept`;
    case 'not-asked':
      return `“${notice.question}” is no longer asked at that point`;
    case 'order-changed':
      return `“${notice.question}” is now question ${notice.to} instead of ${notice.from}`;
  }
}

function TrailRow({ impact }: { impact: TrailImpact }) {
  const { status, before, now, migration } = impact;
  return (
    <li className={`editor-impact__trail editor-impact__trail--${status}`}>
      <code>{trailText(impact.trail)}</code>:{' '}
      {status === 'unchanged' ? (
        <>unchanged, {nodeText(before)}</>
      ) : status === 'elsewhere' && now.id === before.id && now.kind === before.kind ? (
        <>
          <strong>now leads there by other questions</strong>: {nodeText(before)}
        </>
      ) : status === 'elsewhere' ? (
        <>
          <strong>now leads elsewhere</strong>: {nodeText(before)} becomes {nodeText(now)}
        </>
      ) : (
        <>
          <strong>no longer valid</strong>: it led to {nodeText(before)}; its answers stop at{' '}
          {nodeText(now)}
        </>
      )}
      {status !== 'unchanged' && migration.notices.length > 0 ? (
        <> — an old link will say: {migration.notices.map(noticeText).join('; ')}.</>
      ) : null}
    </li>
  );
}

function Names({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <li>
      {label} ({items.length}): {items.join(', ')}
    </li>
  );
}

/**
 * The draft against the deployed version: what changed, and for every step link of the
 * deployed version where it leads now (engine/tree-impact.ts). Links that change meaning
 * come first.
 */
export function ImpactPanel({
  deployed,
  draft,
  impact,
}: {
  deployed: Tree;
  draft: Tree;
  impact: TreeImpact;
}) {
  const { summary, trails, versionMustRise } = impact;
  const moved = trails.filter((trail) => trail.status !== 'unchanged');
  // The readable report (issue 24): one line a cause, with its count and a few examples;
  // every link behind the disclosure.
  const groups = groupImpact(deployed, draft, impact);
  const ref = (node: NodeRef) =>
    `${node.kind === 'outcome' ? 'outcome' : 'question'} “${node.label || node.id}”`;
  const answer = (item: { question: string; label: string; slug: string }) =>
    `“${item.label || item.slug}” of “${item.question}”`;
  const nothing =
    summary.treeChanged.length +
      summary.nodesAdded.length +
      summary.nodesRemoved.length +
      summary.nodesChanged.length +
      summary.answersAdded.length +
      summary.answersRemoved.length +
      summary.answersChanged.length +
      summary.answersRenamed.length ===
    0;
  return (
    <div className="editor-impact">
      <h3>Changes from version {deployed.version}</h3>
      {nothing ? (
        <p>No changes from the deployed version.</p>
      ) : (
        <ul>
          <Names label="Troubleshooter fields changed" items={summary.treeChanged} />
          <Names label="Added" items={summary.nodesAdded.map(ref)} />
          <Names label="Removed" items={summary.nodesRemoved.map(ref)} />
          <Names label="Changed" items={summary.nodesChanged.map(ref)} />
          <Names label="Answers added" items={summary.answersAdded.map(answer)} />
          <Names label="Answers removed" items={summary.answersRemoved.map(answer)} />
          <Names label="Answers changed" items={summary.answersChanged.map(answer)} />
          <Names
            label="Answer addresses changed"
            items={summary.answersRenamed.map(
              (item) => `${answer(item)}: ${item.from} → ${item.slug}`,
            )}
          />
        </ul>
      )}
      {summary.answersRenamed.length > 0 ? (
        <p>
          A step link spells each answer by its address: a link made with the old address still
          finds the answer, and tells the person that its address changed.
        </p>
      ) : null}
      <h3>Links already shared</h3>
      <p className={versionMustRise ? 'panel panel--warning' : undefined}>
        {versionMustRise
          ? `${moved.length} of the ${trails.length} step links of version ${deployed.version} now lead elsewhere or no longer fit. Publish this as version ${deployed.version + 1}, with the archived copy of version ${deployed.version}, so that people who open an old link are told what changed (Download for publishing).`
          : `All ${trails.length} step links of version ${deployed.version} still lead where they did: a person who opens one is told of no change when this is published as version ${deployed.version + 1}.`}
      </p>
      {groups.length > 0 ? (
        <ul aria-label="What changes for shared links" className="editor-impact__groups">
          {groups.map((group) => (
            <li key={group.key}>
              <strong>{group.cause}</strong>: {linkCount(group.trails.length)} {group.effect}. For
              example:{' '}
              {group.trails
                .slice(0, 3)
                .map((trail) => trailText(trail.trail))
                .join(', ')}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="editor-impact__all">
        <summary>
          All {trails.length} step links of version {deployed.version}
        </summary>
        <ul aria-label="Step links of the deployed version" className="editor-impact__trails">
          {[...moved, ...trails.filter((trail) => trail.status === 'unchanged')].map((trail) => (
            <TrailRow key={trail.trail.join('/')} impact={trail} />
          ))}
        </ul>
      </details>
    </div>
  );
}
