import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { migrateTrail, type MigrationNotice } from '../../engine/migrate-trail';
import { replayTrail } from '../../engine/replay-trail';
import type { Tree, TreeNode } from '../../engine/tree-schema';
import { StartAgainLink, YourAnswers } from './your-answers';

function explain(notice: MigrationNotice): string {
  switch (notice.kind) {
    case 'question-removed':
      return `“${notice.question}” (you answered “${notice.answer}”): this question has been removed.`;
    case 'answer-removed':
      return `“${notice.question}”: the answer “${notice.answer}” is no longer offered, so this question needs answering again.`;
    case 'answer-renamed':
      return `“${notice.question}” (you answered “${notice.answer}”) is kept; only the answer’s address changed, from “${notice.from}” to “${notice.to}”.`;
    case 'not-asked':
      return `“${notice.question}” (you answered “${notice.answer}”): this version does not ask it at this point of the walk.`;
    case 'order-changed':
      return `“${notice.question}” (you answered “${notice.answer}”) is kept; it is now question ${notice.to} instead of ${notice.from}.`;
  }
}

function nodeText(node: TreeNode): string {
  return node.kind === 'question' ? `the question “${node.prompt}”` : `the result “${node.title}”`;
}

/**
 * A step URL made with an earlier version of the tree. The answers that still fit the
 * current version are kept, what no longer applies is said plainly, and the person goes
 * on from there. Without the earlier version's file (`archived`, fetched by the step loader),
 * the answers are matched as they are.
 */
export function VersionChangedScreen({
  tree,
  archived,
  linkVersion,
  trail,
}: {
  tree: Tree;
  archived: Tree | undefined;
  linkVersion: number;
  trail: readonly string[];
}) {
  const migration = archived
    ? migrateTrail(archived, tree, trail)
    : { trail: replayTrail(tree, trail).trail, notices: [] };
  const replay = replayTrail(tree, migration.trail);
  const kept = replay.steps.length;
  // Where the link led in its own version, and where the answers kept lead now: with every
  // answer kept, this is all that changed for the person (an answer pointed elsewhere).
  const before = archived ? replayTrail(archived, trail) : undefined;
  const ledTo = before && !before.problem ? before.node : undefined;
  const leadsTo = replay.problem ? undefined : replay.node;
  const moved = ledTo && leadsTo && (ledTo.id !== leadsTo.id || ledTo.kind !== leadsTo.kind);

  return (
    <article className="step step--version">
      <DocumentTitle>{`Troubleshooter updated: ${tree.title}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption="Troubleshooter updated">
        This troubleshooter has changed since the link was made
      </PageHeading>
      <p className="lead">
        {linkVersion > tree.version
          ? `The link was made with version ${linkVersion}, newer than the version ${tree.version} this site has, so its answers were read against version ${tree.version}.`
          : `The link was made with version ${linkVersion}; this is version ${tree.version}.`}{' '}
        {kept === 0
          ? 'None of its answers could be kept.'
          : `${kept === 1 ? 'One answer still applies and is' : `${kept} answers still apply and are`} kept.`}
      </p>
      {migration.notices.length > 0 || moved ? (
        <section className="panel panel--warning" aria-labelledby="changed-heading">
          <h2 id="changed-heading">What changed for your answers</h2>
          {migration.notices.length > 0 ? (
            <ul>
              {migration.notices.map((notice) => (
                <li key={`${notice.kind}:${notice.question}`}>{explain(notice)}</li>
              ))}
            </ul>
          ) : null}
          {moved ? (
            <p>
              The link led to {nodeText(ledTo)}; with the answers kept, this version goes on to{' '}
              {nodeText(leadsTo)}.
            </p>
          ) : null}
        </section>
      ) : !archived && linkVersion < tree.version ? (
        <p>
          Version {linkVersion} is no longer available to compare with, so the answers were matched
          to this version as they are.
        </p>
      ) : null}
      <p>
        <Link className="button" to={paths.step.getHref(tree.id, migration.trail, tree.version)}>
          Go on from here
        </Link>
      </p>
      <YourAnswers tree={tree} steps={replay.steps} />
      <StartAgainLink treeId={tree.id} />
    </article>
  );
}
