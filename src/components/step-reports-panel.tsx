import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { configQueryOptions } from '../data/config-query';
import { sessionQueryOptions } from '../data/session-query';
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  setReportStatus,
  stepReportsQueryOptions,
  type ReportStatus,
  type StepReport,
} from '../data/step-reports';
import type { Tree } from '../engine/tree-schema';

const CATEGORY_LABELS = Object.fromEntries(
  REPORT_CATEGORIES.map((category) => [category.value, category.label]),
) as Record<StepReport['category'], string>;
const STATUS_LABELS: Record<ReportStatus, string> = {
  new: 'New',
  accepted: 'Accepted',
  done: 'Done',
};

/** A node's name for a person: the question's prompt or the result's title. */
function nodeName(tree: Tree, id: string): string {
  const node = tree.nodes.find((candidate) => candidate.id === id);
  if (!node) return `${id} (no longer in this version)`;
  return node.kind === 'question' ? node.prompt : node.title;
}

/**
 * Reports people sent about a troubleshooter's steps ("Report a problem with this step"),
 * by step, each with its status for the authors to set. Shown to signed-in authors on a
 * server only (on the map, and in the editor for the node being edited); nothing otherwise.
 */
export function StepReportsPanel({ tree, node }: { tree: Tree; node?: string | undefined }) {
  const { data: config } = useQuery(configQueryOptions());
  const { data: account } = useQuery({
    ...sessionQueryOptions(),
    enabled: config?.server === true,
  });
  if (!config?.server || !account) return null;
  return <Reports tree={tree} node={node} />;
}

function Reports({ tree, node }: { tree: Tree; node?: string | undefined }) {
  const headingId = useId();
  const queryClient = useQueryClient();
  const { data: reports, isError } = useQuery(stepReportsQueryOptions(tree.id));
  const shown = (reports ?? []).filter((report) => node === undefined || report.node === node);
  const byNode = new Map<string, StepReport[]>();
  for (const report of shown) byNode.set(report.node, [...(byNode.get(report.node) ?? []), report]);

  const change = async (id: number, status: ReportStatus) => {
    await setReportStatus(id, status);
    await queryClient.invalidateQueries({ queryKey: stepReportsQueryOptions(tree.id).queryKey });
  };

  return (
    <section className="step-reports" aria-labelledby={headingId}>
      <h2 id={headingId}>Reports about {node === undefined ? 'its steps' : 'this step'}</h2>
      {isError ? <p>The reports could not be loaded.</p> : null}
      {reports && shown.length === 0 ? <p>No reports.</p> : null}
      {[...byNode].map(([id, list]) => (
        <div key={id} className="step-reports__node">
          <h3>{nodeName(tree, id)}</h3>
          <ul>
            {list.map((report) => (
              <li key={report.id}>
                <p>
                  <strong>{CATEGORY_LABELS[report.category]}</strong>
                  {report.text ? `: ${report.text}` : ''}{' '}
                  <span className="step-reports__when">
                    ({report.createdAt.slice(0, 10)}, version {report.version})
                  </span>
                </p>
                <label>
                  Status{' '}
                  <select
                    value={report.status}
                    onChange={(event) => void change(report.id, event.target.value as ReportStatus)}
                  >
                    {REPORT_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
