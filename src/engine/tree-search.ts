import MiniSearch, { type AsPlainObject, type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import type { Tree, TreeIndexEntry, TreeNode } from './tree-schema';

/**
 * The search behind the list's filter (docs/decisions/0041-search-with-minisearch.md): a
 * MiniSearch index of every tree, built with the site into trees/search.json, so that the
 * filter downloads one compact file rather than every tree. The same options index and
 * query, so a word is cut, lower-cased and stemmed alike on both sides.
 *
 * Documents: one per tree for what the list shows (title, description, article id, tree id),
 * and one per step for its words; a tree's score gathers its documents'.
 */

export type SearchNode = { kind: 'question' | 'outcome'; text: string };

type SearchDocument = {
  key: string;
  tree: string;
  title?: string;
  description?: string;
  article?: string;
  slug?: string;
  words?: string;
  /** What the list says matched: a step's prompt or result title. */
  kind?: SearchNode['kind'];
  text?: string;
  /** A result that rules the article out: its words say what the problem is not. */
  weak?: boolean;
};

const FIELDS = ['title', 'description', 'article', 'slug', 'words'];
const STORED = ['tree', 'kind', 'text', 'weak'];
// Titles and article ids are what people type first; a step's words count least.
const BOOST = { title: 4, article: 6, slug: 6, description: 2, words: 1 };

/** Letters and digits apart too: "SMS1.2" finds "SMS 1.2", and "NT4" finds "NT". */
function termsOf(token: string): string[] {
  const term = token.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  if (!term) return [];
  const parts = term.match(/\p{L}+|\p{N}+(?:\.\p{N}+)*/gu) ?? [];
  const all = new Set([term, ...(parts.length > 1 ? parts : [])]);
  // Word forms: "failing", "fails" and "failed" are all "fail".
  return [...all]
    .filter((part) => part.length > 1 || /\p{N}/u.test(part))
    .map((part) => (/^\p{L}+$/u.test(part) ? stemmer(part) : part));
}

/** Words, with a dot kept inside one ("1.2", "pcmsvc32.exe"), and hyphenated parts apart. */
function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}.]+|\.(?!\p{N})|(?<!\p{N})\./u).filter(Boolean);
}

const OPTIONS = {
  idField: 'key',
  fields: FIELDS,
  storeFields: STORED,
  tokenize,
  processTerm: termsOf,
  searchOptions: {
    boost: BOOST,
    prefix: true,
    // Typos: one letter in a word of four or five, two in a longer one ("upgarde").
    fuzzy: (term: string) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : 0),
    combineWith: 'OR',
    boostDocument: (_key: string, _term: string, stored?: Record<string, unknown>) =>
      stored?.weak ? 0.3 : 1,
  },
} as const;

export type TreeSearch = MiniSearch<SearchDocument>;

/**
 * The words of a query, as the index holds them: each typed word with the terms it stands
 * for, itself or, for "SMS1.2", its parts together.
 */
function queryWords(query: string): { whole: string; parts: string[] }[] {
  return tokenize(query).flatMap((token) => {
    const [whole, ...parts] = termsOf(token);
    return whole === undefined ? [] : [{ whole, parts }];
  });
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

function entryDocument(entry: TreeIndexEntry): SearchDocument {
  return {
    key: entry.id,
    tree: entry.id,
    title: entry.title,
    description: entry.description,
    article: entry.article ?? '',
    slug: entry.id,
  };
}

function stepDocuments(tree: Tree): SearchDocument[] {
  return tree.nodes.map((node) => ({
    key: `${tree.id}/${node.id}`,
    tree: tree.id,
    words: nodeTexts(node).join(' '),
    kind: node.kind,
    text: node.kind === 'question' ? node.prompt : node.title,
    weak: node.kind === 'outcome' && node.type === 'ruled-out' ? true : undefined,
  }));
}

/** The index the build writes: the list's entries and every step of every tree. */
export function buildTreeSearch(entries: readonly TreeIndexEntry[], trees: readonly Tree[]) {
  const search = new MiniSearch<SearchDocument>(OPTIONS);
  search.addAll(entries.map(entryDocument));
  search.addAll(trees.flatMap(stepDocuments));
  return search;
}

/** trees/search.json's content: the index as MiniSearch serialises it. */
export type TreeSearchFile = AsPlainObject;

export function loadTreeSearch(file: TreeSearchFile): TreeSearch {
  return MiniSearch.loadJS<SearchDocument>(file, OPTIONS);
}

/** A search of titles, descriptions and article ids alone, before the index is in. */
export function entriesSearch(entries: readonly TreeIndexEntry[]): TreeSearch {
  return buildTreeSearch(entries, []);
}

export type TreeMatch = {
  id: string;
  score: number;
  /** The step that matched every word, or true when they are spread over several. */
  found?: SearchNode | true;
};

type Gathered = {
  score: number;
  best: number;
  terms: Set<string>;
  head: boolean;
  step?: SearchResult;
};

/**
 * Trees for a query, best first. A tree that has every word (in its title, description,
 * article id or any of its steps, in any form or with a typo) comes before one that has
 * only some; trees that have none are left out. A step's words count less when the
 * result says the article does not apply.
 */
export function searchTrees(search: TreeSearch, query: string): TreeMatch[] {
  const wanted = queryWords(query);
  if (wanted.length === 0) return [];
  const trees = new Map<string, Gathered>();
  for (const result of search.search(query)) {
    const id = String(result.tree);
    const tree = trees.get(id) ?? { score: 0, best: 0, terms: new Set(), head: false };
    trees.set(id, tree);
    for (const term of result.queryTerms) tree.terms.add(term);
    // The best document counts whole, the others a little: a word in many steps is a
    // better sign than a word in one, but not many times better.
    tree.score += result.score > tree.best ? result.score - tree.best * 0.8 : result.score * 0.2;
    tree.best = Math.max(tree.best, result.score);
    // The step to name: the best one, but not a result that rules the article out when
    // another step matched too (it would name what the problem is not).
    if (result.id === id) tree.head = true;
    else if (
      !tree.step ||
      (tree.step.weak && !result.weak) ||
      (!result.weak === !tree.step.weak && result.score > tree.step.score)
    )
      tree.step = result;
  }
  const covers = (tree: Gathered) => hasEvery(tree.terms, wanted);
  const all = [...trees.entries()];
  const complete = all.filter(([, tree]) => covers(tree));
  const shown = complete.length > 0 ? complete : all;
  return shown
    .sort(([, a], [, b]) => b.terms.size - a.terms.size || b.score - a.score)
    .map(([id, tree]) => ({ id, score: tree.score, found: foundIn(tree, wanted) }));
}

function hasEvery(terms: ReadonlySet<string>, wanted: ReturnType<typeof queryWords>) {
  return wanted.every(
    ({ whole, parts }) =>
      terms.has(whole) || (parts.length > 0 && parts.every((part) => terms.has(part))),
  );
}

function foundIn(
  tree: Gathered,
  wanted: ReturnType<typeof queryWords>,
): SearchNode | true | undefined {
  if (tree.head || !tree.step) return undefined;
  const step = tree.step;
  if (!hasEvery(new Set(step.queryTerms), wanted) && hasEvery(tree.terms, wanted)) return true;
  return { kind: step.kind as SearchNode['kind'], text: String(step.text) };
}
