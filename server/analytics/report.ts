// The reports (issue 25, item 3): per troubleshooter, version and date range, read from the
// daily counts only, so a report costs the same however many raw events were kept.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Tree } from '../../src/engine/tree-schema';
import type { Database } from '../db/database';
import { analyticsDaily, treeVersions } from '../db/schema';

export type AnswerCount = { slug: string; label: string; unsure: boolean; count: number };

export type NodeReport =
  | {
      kind: 'question';
      id: string;
      label: string;
      reached: number;
      /** Reached, and no answer chosen there: where walks ended. */
      left: number;
      answers: AnswerCount[];
      /** "Not sure" was chosen often enough that the question may be unclear. */
      notSureFrequent: boolean;
    }
  | {
      kind: 'outcome';
      id: string;
      label: string;
      type: 'diagnosis' | 'escalate' | 'ruled-out';
      reached: number;
      solved: number;
      unsolved: number;
    };

export type VersionReport = {
  version: number;
  walks: number;
  restarts: number;
  copies: number;
  prints: number;
  nodes: NodeReport[];
};

export type Report = {
  treeId: string;
  title: string;
  from: string;
  to: string;
  /** Every published version of the tree, newest last. */
  published: number[];
  versions: VersionReport[];
};

/**
 * "Not sure" is frequent at a question when at least this share of its answers (and at least
 * two answers) were "Not sure" (docs/privacy.md says the same).
 */
export const NOT_SURE_SHARE = 0.2;

/** The report, or null when the tree was never published. */
export async function readReport(
  db: Database,
  query: { treeId: string; versions?: number[]; from: string; to: string },
): Promise<Report | null> {
  const published = await db
    .select({ version: treeVersions.version, tree: treeVersions.tree })
    .from(treeVersions)
    .where(eq(treeVersions.treeId, query.treeId))
    .orderBy(asc(treeVersions.version));
  if (published.length === 0) return null;
  const newest = published[published.length - 1];
  const wanted = (query.versions?.length ? query.versions : [newest?.version ?? 1]).filter(
    (version) => published.some((row) => row.version === version),
  );
  const total = sql<string>`sum(${analyticsDaily.count})`;
  const rows =
    wanted.length === 0
      ? []
      : await db
          .select({
            version: analyticsDaily.version,
            kind: analyticsDaily.kind,
            nodeId: analyticsDaily.nodeId,
            answer: analyticsDaily.answer,
            count: total,
          })
          .from(analyticsDaily)
          .where(
            and(
              eq(analyticsDaily.treeId, query.treeId),
              inArray(analyticsDaily.version, wanted),
              gte(analyticsDaily.day, query.from),
              lte(analyticsDaily.day, query.to),
            ),
          )
          .groupBy(
            analyticsDaily.version,
            analyticsDaily.kind,
            analyticsDaily.nodeId,
            analyticsDaily.answer,
          );
  const versions = wanted.map((version) => {
    const tree = published.find((row) => row.version === version)?.tree as Tree;
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (row.version !== version) continue;
      counts.set([row.kind, row.nodeId, row.answer].join('\n'), Number(row.count));
    }
    const count = (kind: string, nodeId: string, answer = '') =>
      counts.get([kind, nodeId, answer].join('\n')) ?? 0;
    const sumKind = (kind: string) =>
      [...counts.entries()]
        .filter(([key]) => key.startsWith(`${kind}\n`))
        .reduce((sum, [, value]) => sum + value, 0);
    return {
      version,
      walks: count('step', tree.start),
      restarts: sumKind('restart'),
      copies: sumKind('copy'),
      prints: sumKind('print'),
      nodes: tree.nodes.map((node): NodeReport => {
        const reached = count('step', node.id);
        if (node.kind === 'outcome') {
          return {
            kind: 'outcome',
            id: node.id,
            label: node.title,
            type: node.type,
            reached,
            solved: count('solved', node.id),
            unsolved: count('unsolved', node.id),
          };
        }
        const answers = node.answers.map((answer) => ({
          slug: answer.slug,
          label: answer.label,
          unsure: answer.unsure === true,
          count: count('answer', node.id, answer.slug),
        }));
        const answered = answers.reduce((sum, answer) => sum + answer.count, 0);
        const unsure = answers.filter((a) => a.unsure).reduce((sum, a) => sum + a.count, 0);
        return {
          kind: 'question',
          id: node.id,
          label: node.prompt,
          reached,
          left: Math.max(0, reached - answered),
          answers,
          notSureFrequent: unsure >= 2 && unsure >= NOT_SURE_SHARE * answered,
        };
      }),
    };
  });
  return {
    treeId: query.treeId,
    title: (newest?.tree as Tree).title,
    from: query.from,
    to: query.to,
    published: published.map((row) => row.version),
    versions,
  };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  // Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as CSV: one row per version and node, with its counts. */
export function reportCsv(report: Report): string {
  const header = [
    'tree',
    'version',
    'node',
    'kind',
    'label',
    'reached',
    'left',
    'answers',
    'not_sure_frequent',
    'solved_yes',
    'solved_no',
  ];
  const lines = [header.join(',')];
  for (const version of report.versions) {
    for (const node of version.nodes) {
      const cells =
        node.kind === 'question'
          ? [
              node.reached,
              node.left,
              node.answers.map((answer) => `${answer.slug}=${answer.count}`).join(' '),
              node.notSureFrequent ? 'yes' : 'no',
              '',
              '',
            ]
          : [node.reached, '', '', '', node.solved, node.unsolved];
      const kind = node.kind === 'question' ? 'question' : node.type;
      lines.push(
        [report.treeId, version.version, node.id, kind, node.label, ...cells]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
