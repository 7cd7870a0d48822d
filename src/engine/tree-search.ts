import type { Tree, TreeNode } from './tree-schema';

/**
 * The compact search text of trees, written by the build to trees/search.json
 * (docs/decisions/0016-search-text-built-with-the-site.md) so that the list's filter can
 * look inside every tree without fetching any of them.
 */

/** One step of a tree, as the filter sees it: what to show, and the words to match. */
export type SearchNode = { kind: 'question' | 'outcome'; text: string; words: string };
export type TreeSearchEntry = { id: string; nodes: SearchNode[] };
export type TreeSearchFile = { trees: TreeSearchEntry[] };

/**
 * Lower-case words with the punctuation around them dropped, so "(PCM)" is found as "pcm"
 * and "Pcmsvc32.exe." as "pcmsvc32.exe"; a dot inside a word stays.
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

function nodeTexts(node: TreeNode): string[] {
  if (node.kind === 'question') {
    return [
      node.prompt,
      node.intro ?? '',
      ...(node.help ?? []),
      ...node.answers.flatMap((answer) => [answer.label, answer.fact ?? '']),
    ];
  }
  return [
    node.title,
    node.summary,
    node.cause ?? '',
    ...(node.sections ?? []).flatMap((section) => [
      section.heading,
      ...(section.paragraphs ?? []),
      ...(section.steps ?? []),
      ...(section.items ?? []),
    ]),
  ];
}

/** Each word once per step: the file stays small, and matching is a substring test. */
export function treeSearchEntry(tree: Tree): TreeSearchEntry {
  return {
    id: tree.id,
    nodes: tree.nodes.map((node) => ({
      kind: node.kind,
      text: node.kind === 'question' ? node.prompt : node.title,
      words: [...new Set(nodeTexts(node).flatMap(searchWords))].join(' '),
    })),
  };
}

/**
 * Where in a tree every typed word is found: the first step that has them all, else
 * `true` when they are spread over several steps, else undefined.
 */
export function findInTree(
  entry: TreeSearchEntry,
  words: readonly string[],
): SearchNode | true | undefined {
  const has = (text: string) => words.every((word) => text.includes(word));
  const node = entry.nodes.find((candidate) => has(candidate.words));
  if (node) return node;
  return has(entry.nodes.map((candidate) => candidate.words).join(' ')) ? true : undefined;
}
