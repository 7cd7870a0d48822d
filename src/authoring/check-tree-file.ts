import type { TreeProblem } from '../engine/graph-checks';
import { countPaths, mostQuestionsFrom } from '../engine/tree-paths';
import { validateTree } from '../engine/validate-tree';

/** Walks longer than this are hard to follow at a helpdesk: worth a warning, not an error. */
export const LONG_WALK = 12;

export type TreeFileReport = {
  file: string;
  errors: TreeProblem[];
  warnings: TreeProblem[];
  stats?: { questions: number; outcomes: number; paths: number; longestWalk: number };
};

/**
 * Checks one tree file's text the way the app will read it, plus what only an author
 * needs to hear: the file name must match the id (and version, for an archived copy),
 * and very long walks are flagged.
 */
export function checkTreeFile(file: string, text: string): TreeFileReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      file,
      errors: [{ path: '$', message: `is not valid JSON: ${(error as Error).message}` }],
      warnings: [],
    };
  }
  const result = validateTree(json);
  if (!result.ok) return { file, errors: result.problems, warnings: [] };

  const tree = result.value;
  const errors: TreeProblem[] = [];
  const warnings: TreeProblem[] = [];
  if (tree.id === 'map') {
    errors.push({
      path: '$.id',
      message: '"map" is reserved for the map pages (/map/<tree>); choose another id',
    });
  }
  const name = file.split(/[\\/]/).pop() ?? file;
  const archived = /^(.+)\.v(\d+)\.json$/.exec(name);
  if (archived) {
    if (archived[1] !== tree.id || Number(archived[2]) !== tree.version) {
      errors.push({
        path: '$.id',
        message: `an archived copy of "${tree.id}" version ${tree.version} must be named ${tree.id}.v${tree.version}.json`,
      });
    }
  } else if (name !== `${tree.id}.json`) {
    errors.push({
      path: '$.id',
      message: `is "${tree.id}", so the file must be named ${tree.id}.json`,
    });
  }

  // Counted over the graph, not by listing every path (a wide tree has very many).
  const longestWalk = mostQuestionsFrom(tree, tree.start);
  if (longestWalk > LONG_WALK) {
    warnings.push({
      path: '$.start',
      message: `the longest walk asks ${longestWalk} questions; more than ${LONG_WALK} is hard to follow`,
    });
  }
  return {
    file,
    errors,
    warnings,
    stats: {
      questions: tree.nodes.filter((node) => node.kind === 'question').length,
      outcomes: tree.nodes.filter((node) => node.kind === 'outcome').length,
      paths: countPaths(tree),
      longestWalk,
    },
  };
}

export function formatReport(report: TreeFileReport): string {
  const lines: string[] = [];
  if (report.errors.length === 0) {
    const stats = report.stats;
    lines.push(
      `${report.file}: ok${stats ? `, ${stats.questions} questions, ${stats.outcomes} outcomes, ${stats.paths} distinct paths` : ''}`,
    );
  } else {
    lines.push(
      `${report.file}: ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`,
    );
  }
  for (const problem of report.errors) lines.push(`  error   ${problem.path}: ${problem.message}`);
  for (const problem of report.warnings)
    lines.push(`  warning ${problem.path}: ${problem.message}`);
  return lines.join('\n');
}
