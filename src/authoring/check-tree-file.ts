import type { TreeProblem } from '../engine/graph-checks';
import { countPaths, mostQuestionsFrom } from '../engine/tree-paths';
import type { Tree } from '../engine/tree-schema';
import { readJsonText } from '../engine/tree-file-text';
import {
  checkIndexEntry,
  INDEX_FILE_BYTES,
  validateTreeFile,
  validateTreeIndex,
} from '../engine/validate-tree';

/** Walks longer than this are hard to follow at a helpdesk: worth a warning, not an error. */
export const LONG_WALK = 12;

export type TreeFileReport = {
  file: string;
  errors: TreeProblem[];
  warnings: TreeProblem[];
  stats?: { questions: number; outcomes: number; paths: number; longestWalk: number };
  /** The tree, when the file is clean: the index is checked against it. */
  tree?: Tree;
};

/** The text's own rules (size, byte-order mark, JSON, keys written twice), as the app reads it. */
function parseJson(
  file: string,
  text: string,
  maxBytes?: number,
): { json: unknown } | TreeFileReport {
  const read = readJsonText(text, maxBytes);
  return read.ok ? { json: read.json } : { file, errors: read.problems, warnings: [] };
}

/**
 * Checks one tree file's text by the rules the app and the build read it with
 * (validateTreeFile), plus what only an author needs to hear: very long walks are
 * flagged, and a clean tree's counts are given.
 */
export function checkTreeFile(file: string, text: string): TreeFileReport {
  const parsed = parseJson(file, text);
  if (!('json' in parsed)) return parsed;
  const result = validateTreeFile(file, parsed.json);
  if (!result.ok) return { file, errors: result.problems, warnings: [] };

  const tree = result.value;
  const warnings: TreeProblem[] = [];
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
    errors: [],
    warnings,
    stats: {
      questions: tree.nodes.filter((node) => node.kind === 'question').length,
      outcomes: tree.nodes.filter((node) => node.kind === 'outcome').length,
      paths: countPaths(tree),
      longestWalk,
    },
    tree,
  };
}

/**
 * Checks index.json, and each entry against the tree it lists. `trees` holds, by id,
 * the tree of each current tree file checked (`<id>.json`), or `undefined` for a file
 * that had errors of its own (reported with that file, not again here).
 */
export function checkIndexFile(
  file: string,
  text: string,
  trees: ReadonlyMap<string, Tree | undefined>,
): TreeFileReport {
  const parsed = parseJson(file, text, INDEX_FILE_BYTES);
  if (!('json' in parsed)) return parsed;
  const index = validateTreeIndex(parsed.json);
  if (!index.ok) return { file, errors: index.problems, warnings: [] };
  const errors = index.value.trees.flatMap((entry, position) => {
    const tree = trees.get(entry.id);
    if (tree) return checkIndexEntry(entry, position, tree);
    if (trees.has(entry.id)) return [];
    return [
      {
        path: `$.trees[${position}].id`,
        message: `lists "${entry.id}", but there is no ${entry.id}.json beside the index`,
      },
    ];
  });
  return { file, errors, warnings: [] };
}

export function formatReport(report: TreeFileReport): string {
  const lines: string[] = [];
  if (report.errors.length === 0) {
    const stats = report.stats;
    // The index has no stats: "ok" alone.
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
