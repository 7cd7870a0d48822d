import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { configQueryOptions } from '../../data/config-query';
import {
  reportQueryOptions,
  reportSearch,
  type ReportRange,
  type VersionReport,
} from '../../data/report-query';
import type { Tree } from '../../engine/tree-schema';
import { paths } from '../../lib/paths';
import type { TreeLayout } from './tree-layout';
import './traffic-layer.css';

/** The report of the version the traffic map shows, when there is one to show. */
export function useTraffic(tree: Tree, range: ReportRange | undefined) {
  const config = useQuery(configQueryOptions());
  const enabled = range !== undefined && config.data?.server === true;
  const report = useQuery({
    ...reportQueryOptions(tree.id, { ...range, compare: undefined }),
    enabled,
  });
  const version = report.data?.versions[0];
  // Drawn only on the layout of the same version (a box must mean the same question).
  return {
    requested: range !== undefined,
    version: version && version.version === tree.version ? version : undefined,
    report,
    serverless: config.data !== undefined && config.data.server !== true,
  };
}

/** Walks along each arrow: the answers chosen at its question that lead to its box. */
function edgeCounts(tree: Tree, version: VersionReport): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of version.nodes) {
    if (node.kind !== 'question') continue;
    const question = tree.nodes.find((entry) => entry.id === node.id);
    if (question?.kind !== 'question') continue;
    for (const answer of node.answers) {
      const next = question.answers.find((entry) => entry.slug === answer.slug)?.next;
      if (!next) continue;
      const key = `${node.id}>${next}`;
      counts.set(key, (counts.get(key) ?? 0) + answer.count);
    }
  }
  return counts;
}

/**
 * The traffic drawn over the diagram (issue 25): each arrow as thick as the walks along it,
 * each box with how many reached it, and where walks ended, how many left there. A picture
 * for the eye (aria-hidden): the same numbers are in TrafficTable and on the report page.
 */
export function TrafficLayer({
  tree,
  map,
  version,
}: {
  tree: Tree;
  map: TreeLayout;
  version: VersionReport;
}) {
  const edges = edgeCounts(tree, version);
  const most = Math.max(1, ...edges.values());
  const byNode = new Map(version.nodes.map((node) => [node.id, node]));
  return (
    <g className="traffic" aria-hidden="true" data-testid="traffic-layer">
      {map.edges.map((edge) => {
        const count = edges.get(`${edge.from}>${edge.to}`) ?? 0;
        if (count === 0) return null;
        return (
          <polyline
            key={`${edge.from}>${edge.to}`}
            className="traffic__edge"
            data-edge={`${edge.from}>${edge.to}`}
            data-count={count}
            points={edge.segments
              .flat()
              .map((point) => `${point.x},${point.y}`)
              .join(' ')}
            strokeWidth={2 + (10 * count) / most}
          />
        );
      })}
      {map.nodes.map((node) => {
        const report = byNode.get(node.id);
        if (!report) return null;
        const left = report.kind === 'question' ? report.left : 0;
        const text = left > 0 ? `${report.reached} · ${left} left` : `${report.reached}`;
        const width = 12 + text.length * 7.5;
        const x = node.box.x + node.box.width - width + 6;
        const y = Math.max(0, node.box.y - 10);
        return (
          <g
            key={node.id}
            className={left > 0 ? 'traffic__count traffic__count--left' : 'traffic__count'}
            data-node={node.id}
          >
            <rect x={x} y={y} width={width} height={20} rx={10} />
            <text x={x + width / 2} y={y + 14} textAnchor="middle">
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** What the traffic map shows, in words and numbers (and why it shows nothing, when so). */
export function TrafficSummary({
  tree,
  traffic,
  range,
}: {
  tree: Tree;
  traffic: ReturnType<typeof useTraffic>;
  range: ReportRange;
}) {
  const reportHref = paths.report.getHref(tree.id, reportSearch(range));
  const { version, report } = traffic;
  let text;
  if (traffic.serverless)
    text = 'Traffic needs the Troubleshooter server: this site sends nothing.';
  else if (report.isPending) text = 'Loading the traffic…';
  else if (report.error)
    text = 'The traffic could not be loaded: reports are for signed-in authors.';
  else if (!version)
    text = `The traffic is drawn on the version the map shows (${tree.version}): ask for that version.`;
  else
    text = `Traffic of version ${version.version}, ${report.data?.from} to ${report.data?.to}: ${version.walks} walks started. Lines are as thick as the walks along them; each box says how many reached it and how many left there.`;
  return (
    <div className="traffic-summary" role="status">
      <p>
        {text} <Link to={reportHref}>The report</Link>
      </p>
      {version ? <TrafficTable version={version} /> : null}
    </div>
  );
}

function TrafficTable({ version }: { version: VersionReport }) {
  return (
    <details className="traffic-table">
      <summary>The traffic as a table</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Reached</th>
            <th scope="col">Left there</th>
          </tr>
        </thead>
        <tbody>
          {version.nodes.map((node) => (
            <tr key={node.id}>
              <th scope="row">{node.label}</th>
              <td>{node.reached}</td>
              <td>{node.kind === 'question' ? node.left : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
