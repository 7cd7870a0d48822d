import { Link } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { paths } from '../../lib/paths';
import type { Replay, TrailProblem } from '../../engine/replay-trail';
import type { Tree } from '../../engine/tree-schema';
import { StartAgainLink, YourAnswers } from './your-answers';

function explain(problem: TrailProblem): string {
  switch (problem.reason) {
    case 'unknown-answer':
      return `“${problem.slug}” is not one of the answers to “${problem.question.prompt}”. The link may have been mistyped, cut short, or made for an earlier version of this troubleshooter.`;
    case 'past-outcome':
      return `The link goes on after the result was already reached, so its last part (from “${problem.slug}”) leads nowhere.`;
  }
}

/** A step URL whose trail stops fitting the tree: keep what fits and offer a way on. */
export function BrokenTrailScreen({
  tree,
  replay,
  problem,
}: {
  tree: Tree;
  replay: Replay;
  problem: TrailProblem;
}) {
  const validCount = replay.steps.length;
  return (
    <article className="step step--broken">
      <DocumentTitle>{`Broken link: ${tree.title}`}</DocumentTitle>
      <p className="tree-name">{tree.title}</p>
      <PageHeading caption="Broken link">This link does not lead to a step</PageHeading>
      <p className="lead">{explain(problem)}</p>
      <p>
        {validCount === 0
          ? 'None of its answers could be used.'
          : `The first ${validCount === 1 ? 'answer still fits; it is' : `${validCount} answers still fit; they are`} listed below.`}
      </p>
      <p>
        <Link className="button" to={paths.step.getHref(tree.id, replay.trail, tree.version)}>
          {validCount === 0 ? 'Go to the first question' : 'Go on from the last step that fits'}
        </Link>
      </p>
      <YourAnswers tree={tree} steps={replay.steps} />
      {validCount > 0 ? <StartAgainLink treeId={tree.id} /> : null}
    </article>
  );
}
