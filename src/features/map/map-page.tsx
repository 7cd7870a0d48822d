import { readReportRange } from '../../data/report-query';
import { TrafficLayer, TrafficSummary, useTraffic } from './traffic-layer';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { parseMapPart, parseTrail, paths } from '../../lib/paths';
import { useWalkContext } from '../../lib/use-walk-context';
import { StepReportsPanel } from '../../components/step-reports-panel';
import { DocumentTitle } from '../../components/document-title';
import { PageHeading } from '../../components/page-heading';
import { useHydrated } from '../../data/prerendered-page';
import { replayTrail } from '../../engine/replay-trail';
import { getNode } from '../../engine/tree-lookup';
import type { Tree } from '../../engine/tree-schema';
import { treeQueryOptions } from '../../data/tree-query';
import { firstTrails } from '../../engine/tree-walks';
import {
  htmlBytes,
  outlineName,
  planOutline,
  type OutlineEntry,
  type OutlinePlan,
} from './map-outline';
import {
  LABEL_TEXT,
  NODE_TEXT,
  layoutTree,
  type MapNode,
  type Point,
  type TreeLayout,
} from './tree-layout';

/**
 * Up to this many boxes the diagram is part of the prerendered page. Beyond, its markup
 * would be most of the page (measured: 13 KB gzipped at 200 boxes, 56 KB at 1,000, against
 * a 30 KB page budget), so the browser draws it from the tree file once hydrated, in a box
 * that keeps its size meanwhile; without JavaScript the list below is the map.
 */
export const DIAGRAM_IN_PAGE_NODES = 250;

/**
 * The diagram is also left to the browser when its markup would be more than this many
 * bytes on disk (by `diagramBytes`), or when the list comes in parts (ADR 24): long text
 * makes even a few boxes large. The diagram's markup gzips about 5 to 1 (numbers and
 * repeated tags: Q164887's 12 KB to 2.2 KB), so this is some 12 KB gzipped, beside a list of
 * one part: up to some 50 boxes.
 */
export const DIAGRAM_IN_PAGE_BYTES = 60_000;

/** About how many bytes the diagram's markup takes on disk (per box and arrow, with its text). */
export function diagramBytes(map: TreeLayout): number {
  const text = (lines: string[]) => lines.reduce((sum, line) => sum + htmlBytes(line) + 40, 0);
  return (
    map.nodes.reduce((sum, node) => sum + 2 * text(node.lines) + 320, 0) +
    map.edges.reduce(
      (sum, edge) =>
        sum + text(edge.lines) + 260 + 16 * edge.segments.reduce((n, s) => n + s.length, 0),
      0,
    )
  );
}

/** Where the person is: the answers they gave (`question>answer`) and the nodes they passed. */
type PathMarks = {
  nodes: ReadonlySet<string>;
  answers: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** The node their trail leads to; none without a trail. */
  current: string | undefined;
};

/**
 * A map of a tree: questions and outcomes as boxes, answers as labelled arrows, the
 * person's path (?trail=) highlighted and the step they are on marked, every box a link to
 * its step. The same structure follows as nested lists, for screen readers and small screens.
 */
export function MapPage() {
  const { treeId = '', part: partParam } = useParams();
  const { data: tree } = useSuspenseQuery(treeQueryOptions(treeId));
  const part = parseMapPart(partParam);
  const plan = planOutline(tree);
  if (part === undefined || part > plan.parts.length) {
    return <NoSuchMapPart tree={tree} parts={plan.parts.length} />;
  }
  return <TreeMap tree={tree} plan={plan} part={part} />;
}

function TreeMap({ tree, plan, part }: { tree: Tree; plan: OutlinePlan; part: number }) {
  const { search } = useLocation();
  // The prerendered map shows no path: the one in ?trail= is drawn once hydrated, so that a
  // map opened with one still hydrates from its page (data/prerendered-page.ts).
  const hydrated = useHydrated();
  const params = hydrated ? new URLSearchParams(search) : undefined;
  const trail = params?.get('trail') ?? '';
  // The traffic map (issue 25): ?traffic with the report's range.
  const trafficRange = params?.has('traffic') ? readReportRange(params) : undefined;
  const traffic = useTraffic(tree, trafficRange);
  const replay = replayTrail(tree, parseTrail(trail));
  const map = layoutTree(tree);
  const parts = plan.parts.length;
  // Without JavaScript a large list comes a part a page; once hydrated, the whole list.
  const shownPart = hydrated || parts === 1 ? undefined : part;
  const inPage =
    tree.nodes.length <= DIAGRAM_IN_PAGE_NODES &&
    parts === 1 &&
    diagramBytes(map) <= DIAGRAM_IN_PAGE_BYTES;
  const drawn = hydrated || inPage;
  const walked = replay.steps.length > 0;
  const marks: PathMarks = {
    nodes: new Set([tree.start, ...replay.steps.map((step) => step.answer.next)]),
    answers: new Set(replay.steps.map((step) => `${step.question.id}>${step.answer.slug}`)),
    edges: new Set(replay.steps.map((step) => `${step.question.id}>${step.answer.next}`)),
    current: walked ? replay.node.id : undefined,
  };
  const { carry } = useWalkContext();
  const stepHref = (trail: readonly string[]) =>
    carry(paths.step.getHref(tree.id, trail, tree.version));
  const scroller = useRef<HTMLDivElement>(null);
  const currentNode = map.nodes.find((node) => node.id === marks.current);
  useEffect(() => {
    // Where the diagram pans (a narrow screen), the step the person is on is brought into
    // view sideways; the page itself does not move.
    const box = scroller.current;
    if (box && currentNode) {
      box.scrollLeft = currentNode.box.x + currentNode.box.width / 2 - box.clientWidth / 2;
    }
  }, [currentNode]);

  return (
    <article className="tree-map-page">
      <DocumentTitle>
        {shownPart
          ? `Map: ${tree.title} (list, part ${shownPart} of ${parts})`
          : `Map: ${tree.title}`}
      </DocumentTitle>
      <PageHeading caption="Map">{tree.title}</PageHeading>
      <p className="lead">
        {/* The same words with or without a path: the path is drawn only once hydrated,
            and a sentence added then would push the diagram down (e2e/calm-loading). */}
        Every question and result, with each answer as an arrow. The answers you gave are
        highlighted as a path, and the step you are on is filled in (marked “you are here” in the
        list). Select a box to go to that step.
      </p>
      {/* Without JavaScript the page cannot read ?trail=: it is one static file for all. */}
      <p className="tree-map__without-js">
        {drawn
          ? 'Your path is drawn on this map only with JavaScript on.'
          : `This troubleshooter is too large for its diagram to be stored with the page: your browser draws it with JavaScript on. The list below is the same map${parts > 1 ? `, in ${parts} parts` : ''}.`}{' '}
        Your answers so far are listed on the step you came from.
      </p>
      <p>
        <Link to={stepHref(replay.trail)}>
          {walked ? 'Back to your step' : 'Start this troubleshooter'}
        </Link>
      </p>
      {trafficRange ? <TrafficSummary tree={tree} traffic={traffic} range={trafficRange} /> : null}
      {/* Focusable so that the arrow keys scroll it when it is wider than the screen (WCAG
          2.1.1). Not drawn yet: kept invisible, at its size, until hydrated; left out without
          scripting. */}
      <div
        ref={scroller}
        className={drawn ? 'tree-map' : 'tree-map needs-js'}
        role="region"
        aria-label="Diagram"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region, see above
        tabIndex={0}
      >
        <p className="tree-map__hint">
          The diagram is wider than the screen: scroll it sideways (arrow keys, once it has focus),
          or read the same map as a list below.
        </p>
        <svg
          className="tree-map__svg"
          viewBox={`0 0 ${map.width} ${map.height}`}
          width={map.width}
          height={map.height}
          role="group"
          aria-label={`Diagram of ${tree.title}`}
        >
          {drawn ? <Diagram map={map} marks={marks} stepHref={stepHref} /> : null}
          {drawn && traffic.version ? (
            <TrafficLayer tree={tree} map={map} version={traffic.version} />
          ) : null}
        </svg>
      </div>
      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">The same map as a list</h2>
        {shownPart ? <PartStart tree={tree} plan={plan} part={shownPart} /> : null}
        <MapOutline tree={tree} stepHref={stepHref} marks={marks} plan={plan} part={shownPart} />
        {shownPart ? <MapParts treeId={tree.id} part={shownPart} parts={parts} /> : null}
      </section>
      {/* For authors signed in to a server: what people reported about its steps. */}
      {hydrated ? <StepReportsPanel tree={tree} /> : null}
    </article>
  );
}

/** Where a part of the list comes from: the question and answer above it, in which part. */
function PartStart({ tree, plan, part }: { tree: Tree; plan: OutlinePlan; part: number }) {
  const from = plan.parts[part - 1]?.root.from;
  const above = from ? plan.partOf.get(from.question.id) : undefined;
  return (
    <p className="tree-map__part-note">
      {`Part ${part} of ${plan.parts.length}. `}
      {from && above ? (
        <>
          It goes on from “{outlineName(tree, from.question.id)}”, answer “{from.label}”, in{' '}
          <Link to={paths.mapPart.getHref(tree.id, above)}>part {above}</Link>.
        </>
      ) : (
        'It starts at the first question; where a branch goes on in another part, a link says which.'
      )}
    </p>
  );
}

/** Previous and Next between the parts of a list: plain links, a page each. */
function MapParts({ treeId, part, parts }: { treeId: string; part: number; parts: number }) {
  return (
    <nav className="tree-map__parts" aria-label="Parts of the list">
      <ul>
        {part > 1 ? (
          <li>
            <Link to={paths.mapPart.getHref(treeId, part - 1)} rel="prev">
              Previous part <span className="visually-hidden">of the list</span>
            </Link>
          </li>
        ) : null}
        {part < parts ? (
          <li>
            <Link to={paths.mapPart.getHref(treeId, part + 1)} rel="next">
              Next part <span className="visually-hidden">of the list</span>
            </Link>
          </li>
        ) : null}
        {part > 1 ? (
          <li>
            <Link to={paths.mapPart.getHref(treeId, 1)}>
              First part <span className="visually-hidden">of the list</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** An address under /map/<tree>/part/ that is no part of its list. */
function NoSuchMapPart({ tree, parts }: { tree: Tree; parts: number }) {
  return (
    <article className="step step--error">
      <DocumentTitle>Page not found</DocumentTitle>
      <PageHeading caption="Page not found">
        {`The map of “${tree.title}” has no such part`}
      </PageHeading>
      <p className="lead">
        {parts === 1 ? 'Its list is on one page.' : `Its list is in ${parts} parts.`} The link may
        be mistyped, or the troubleshooter may have become smaller since the link was made.
      </p>
      <p>
        <Link className="button" to={paths.map.getHref(tree.id)}>
          Open the map
        </Link>
      </p>
    </article>
  );
}

/** The diagram's arrows and boxes (tree-layout.ts places them). */
function Diagram({
  map,
  marks,
  stepHref,
}: {
  map: TreeLayout;
  marks: PathMarks;
  stepHref: (trail: readonly string[]) => string;
}) {
  return (
    <>
      <defs>
        {/* Fixed in size (userSpaceOnUse), so a thicker path line gets no bigger head. */}
        {['arrow', 'arrow-path'].map((id) => (
          <marker
            key={id}
            id={id}
            className={`tree-map__arrowhead tree-map__arrowhead--${id}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="9"
            markerHeight="9"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
      {map.edges.map((edge) => {
        const onPath = marks.edges.has(`${edge.from}>${edge.to}`);
        return (
          <g
            key={`${edge.from}>${edge.to}`}
            className={onPath ? 'tree-map__edge tree-map__edge--path' : 'tree-map__edge'}
            aria-hidden="true"
          >
            <path
              d={pathData(edge.segments)}
              markerEnd={onPath ? 'url(#arrow-path)' : 'url(#arrow)'}
            />
            <rect
              className="tree-map__label"
              x={edge.label.x}
              y={edge.label.y}
              width={edge.label.width}
              height={edge.label.height}
            />
            <TextLines
              lines={edge.lines}
              x={edge.label.x + edge.label.width / 2}
              top={edge.label.y + LABEL_TEXT.paddingY}
              style={LABEL_TEXT}
            />
          </g>
        );
      })}
      {map.nodes.map((node) => (
        <DiagramNode key={node.id} node={node} marks={marks} href={stepHref(node.trail)} />
      ))}
    </>
  );
}

function DiagramNode({ node, marks, href }: { node: MapNode; marks: PathMarks; href: string }) {
  const current = marks.current === node.id;
  const onPath = marks.current !== undefined && marks.nodes.has(node.id);
  const where = current ? ', you are here' : onPath ? ', on your path' : '';
  const kind = node.kind === 'question' ? 'question' : 'result';
  return (
    <Link
      to={href}
      aria-label={`${node.lines.join(' ')} (${kind}${where})`}
      aria-current={current ? 'step' : undefined}
      className={[
        'tree-map__node',
        `tree-map__node--${node.kind}`,
        onPath ? 'tree-map__node--path' : '',
        current ? 'tree-map__node--current' : '',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <rect x={node.box.x} y={node.box.y} width={node.box.width} height={node.box.height} rx="6" />
      <TextLines
        lines={node.lines}
        x={node.box.x + node.box.width / 2}
        top={node.box.y + NODE_TEXT.paddingY}
        style={NODE_TEXT}
      />
    </Link>
  );
}

/** Lines of text centred on `x`, each in its own row of the style's line height. */
function TextLines({
  lines,
  x,
  top,
  style,
}: {
  lines: string[];
  x: number;
  top: number;
  style: { fontSize: number; lineHeight: number };
}) {
  return (
    <text x={x} fontSize={style.fontSize} textAnchor="middle" dominantBaseline="central">
      {lines.map((line, index) => (
        <tspan key={index} x={x} y={top + style.lineHeight * (index + 0.5)}>
          {/* The space keeps the words apart in a link's text, as in its label. */}
          {index < lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  );
}

/** SVG path data for lines in pieces: each piece starts with a move. */
function pathData(segments: Point[][]): string {
  return segments
    .map((points) =>
      points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' '),
    )
    .join(' ');
}

/**
 * Each question with its answers and where they lead; a node met again is referred to, not
 * repeated. The person's answers are marked, and the step their trail leads to. Given a
 * `part`, only that part of the list, with links where a branch goes on in another.
 */
function MapOutline({
  tree,
  stepHref,
  marks,
  plan,
  part,
}: {
  tree: Tree;
  stepHref: (trail: readonly string[]) => string;
  marks: PathMarks;
  plan: OutlinePlan;
  part: number | undefined;
}) {
  const trails = firstTrails(tree);
  // Only one place in the list says "you are here": where the last answer given leads.
  const lastAnswer = [...marks.answers].at(-1);
  const partLink = (number: number, words: string) => (
    <>
      {' '}
      (<Link to={paths.mapPart.getHref(tree.id, number)}>{`${words} part ${number}`}</Link>)
    </>
  );
  const item = (entry: OutlineEntry, current: boolean): ReactNode => {
    const node = getNode(tree, entry.id);
    if (!node) return null;
    const link = (
      <>
        <Link to={stepHref(trails.get(entry.id) ?? [])} aria-current={current ? 'step' : undefined}>
          {outlineName(tree, entry.id)}
        </Link>
        {current ? <strong className="tree-map__here"> (you are here)</strong> : null}
      </>
    );
    if (node.kind === 'outcome') return link;
    if (entry.repeat) {
      const listed = plan.partOf.get(entry.id);
      return part !== undefined && listed !== undefined && listed !== part ? (
        <>
          {link}
          {partLink(listed, 'see')}
        </>
      ) : (
        <>{link} (see above)</>
      );
    }
    const startsPart = part === undefined ? undefined : plan.partAt.get(entry);
    if (startsPart !== undefined && startsPart !== part) {
      return (
        <>
          {link}
          {partLink(startsPart, 'goes on in')}
        </>
      );
    }
    return (
      <>
        {link}
        <ul>
          {(entry.answers ?? []).map((answer) => {
            const key = `${node.id}>${answer.slug}`;
            const chosen = marks.answers.has(key);
            return (
              <li key={answer.slug}>
                {chosen ? <strong>{answer.label} (your answer)</strong> : answer.label}:{' '}
                {item(answer.entry, key === lastAnswer)}
              </li>
            );
          })}
        </ul>
      </>
    );
  };
  const root = part === undefined ? plan.root : (plan.parts[part - 1]?.root ?? plan.root);
  return (
    <ul className="tree-map__outline">
      <li>{item(root, false)}</li>
    </ul>
  );
}
