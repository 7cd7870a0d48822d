import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { parseTrail, paths } from '../../lib/paths';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { useHydrated } from '../../lib/use-hydrated';
import { replayTrail } from '../../engine/replay-trail';
import { getNode } from '../../engine/tree-lookup';
import type { Tree } from '../../engine/tree-schema';
import { treeQueryOptions } from '../../data/tree-query';
import { firstTrails } from '../../engine/tree-walks';
import { layoutTree } from './tree-layout';

/**
 * A map of a tree: questions and outcomes as boxes, answers as labelled arrows, the
 * person's path (?trail=) highlighted, every box a link to its step. The same
 * structure follows as nested lists, for screen readers and small screens.
 */
export function MapPage() {
  const { treeId = '' } = useParams();
  const { search } = useLocation();
  const { data: tree } = useSuspenseQuery(treeQueryOptions(treeId));
  // The prerendered map shows no path: the one in ?trail= is drawn once hydrated, so that a
  // map opened with one still hydrates from its page (hydration-state.ts).
  const hydrated = useHydrated();
  const trail = hydrated ? (new URLSearchParams(search).get('trail') ?? '') : '';
  const replay = replayTrail(tree, parseTrail(trail));
  const map = useMemo(() => layoutTree(tree), [tree]);
  const onPath = new Set([tree.start, ...replay.steps.map((step) => step.answer.next)]);
  const pathEdges = new Set(replay.steps.map((step) => `${step.question.id}>${step.answer.next}`));
  const stepHref = (trail: readonly string[]) => paths.step.getHref(tree.id, trail, tree.version);

  return (
    <article className="tree-map-page">
      <DocumentTitle>{`Map: ${tree.title}`}</DocumentTitle>
      <PageHeading caption="Map">{tree.title}</PageHeading>
      <p className="lead">
        Every question and result, with each answer as an arrow.
        {replay.steps.length > 0 ? ' Your path so far is highlighted.' : ''} Select a box to go to
        that step.
      </p>
      <p>
        <Link to={stepHref(replay.trail)}>
          {replay.steps.length > 0 ? 'Back to your step' : 'Start this troubleshooter'}
        </Link>
      </p>
      <div className="tree-map">
        <svg
          className="tree-map__svg"
          viewBox={`0 0 ${Math.ceil(map.width)} ${Math.ceil(map.height)}`}
          width={Math.ceil(map.width)}
          height={Math.ceil(map.height)}
          role="group"
          aria-label={`Diagram of ${tree.title}`}
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="tree-map__arrowhead" />
            </marker>
          </defs>
          {map.edges.map((edge) => (
            <g
              key={`${edge.from}>${edge.to}`}
              className={
                pathEdges.has(`${edge.from}>${edge.to}`)
                  ? 'tree-map__edge tree-map__edge--path'
                  : 'tree-map__edge'
              }
              aria-hidden="true"
            >
              <polyline
                points={edge.points.map((point) => `${point.x},${point.y}`).join(' ')}
                markerEnd="url(#arrow)"
              />
              <text x={edge.labelX} y={edge.labelY} textAnchor="middle" dominantBaseline="middle">
                {edge.label}
              </text>
            </g>
          ))}
          {map.nodes.map((node) => (
            <Link
              key={node.id}
              to={stepHref(node.trail)}
              aria-label={`${node.lines.join(' ')} (${node.kind === 'question' ? 'question' : 'result'}${onPath.has(node.id) ? ', on your path' : ''})`}
              className={`tree-map__node tree-map__node--${node.kind}${onPath.has(node.id) ? ' tree-map__node--path' : ''}`}
            >
              <rect
                x={node.x - node.width / 2}
                y={node.y - node.height / 2}
                width={node.width}
                height={node.height}
                rx="6"
              />
              <text
                x={node.x}
                y={node.y - ((node.lines.length - 1) * 16) / 2}
                textAnchor="middle"
                dominantBaseline="middle"
              >
                {node.lines.map((line, index) => (
                  <tspan key={index} x={node.x} dy={index === 0 ? 0 : 16}>
                    {/* The space keeps the words apart in the link's text, as in its label. */}
                    {index < node.lines.length - 1 ? `${line} ` : line}
                  </tspan>
                ))}
              </text>
            </Link>
          ))}
        </svg>
      </div>
      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">The same map as a list</h2>
        <MapOutline tree={tree} stepHref={stepHref} />
      </section>
    </article>
  );
}

/** Each question with its answers and where they lead; a node met again is referred to, not repeated. */
function MapOutline({
  tree,
  stepHref,
}: {
  tree: Tree;
  stepHref: (trail: readonly string[]) => string;
}) {
  const trails = firstTrails(tree);
  const shown = new Set<string>();
  const item = (id: string): ReactNode => {
    const node = getNode(tree, id);
    if (!node) return null;
    const name = node.kind === 'question' ? node.prompt : `Result: ${node.title}`;
    const link = <Link to={stepHref(trails.get(id) ?? [])}>{name}</Link>;
    if (shown.has(id) || node.kind === 'outcome') {
      return shown.has(id) && node.kind === 'question' ? <>{link} (see above)</> : link;
    }
    shown.add(id);
    return (
      <>
        {link}
        <ul>
          {node.answers.map((answer) => (
            <li key={answer.slug}>
              {answer.label}: {item(answer.next)}
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <ul className="tree-map__outline">
      <li>{item(tree.start)}</li>
    </ul>
  );
}
