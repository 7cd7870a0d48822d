import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';
import { getNode } from '../../engine/tree-lookup';
import type { Tree } from '../../engine/tree-schema';
import { firstTrails } from '../../engine/tree-walks';

/**
 * The map's list, and how it is split into parts for the pages that carry it without
 * JavaScript (docs/decisions/0024-map-list-in-parts.md). Pure: the prerender and the browser
 * work out the same parts from the same tree, so a prerendered part hydrates as it is.
 */

/** One entry of the list: a node under the answer that leads to it. */
export type OutlineEntry = {
  id: string;
  /** A question's answers, where the question is listed for the first time; otherwise none. */
  answers?: { slug: string; label: string; entry: OutlineEntry }[];
  /** A question listed in full elsewhere, referred to here. */
  repeat: boolean;
  /** The question above and the answer leading here; none for the start. */
  from?: { question: OutlineEntry; label: string };
};

/** A part of the list: one entry with everything under it, less the parts cut off below. */
export type OutlinePart = { number: number; root: OutlineEntry };

export type OutlinePlan = {
  root: OutlineEntry;
  parts: OutlinePart[];
  /** The part that starts at an entry, for the entries that start one (part 1 too). */
  partAt: ReadonlyMap<OutlineEntry, number>;
  /** The part that lists each node in full (its answers; or, for a result, first). */
  partOf: ReadonlyMap<string, number>;
};

/**
 * The most bytes of list markup a part may hold, as `planOutline` counts them: an upper bound
 * of the markup on disk, except that each step's address counts only its last answer. The
 * rest of it is the address of the question above, a few lines earlier, which gzip writes as
 * a reference of a few bytes; counted in full, a line of 100 questions would be cut into
 * parts for addresses that cost almost nothing. The page around a part is about 14 KB on
 * disk and 4 KB gzipped (mostly the inlined stylesheet): so even text that does not compress
 * at all keeps the page within the 30 KB budget, and ordinary text makes a part's page about 7 KB
 * gzipped. A list within this size is not split.
 */
export const PART_BYTES = 24_000;

/**
 * What one entry adds to the markup besides its text and addresses, at most: its item, the
 * label's separator, the link's tags and attributes, and a nested list.
 */
const ENTRY_MARKUP = 80;
/** A link to another part ("goes on in part 3", "see part 3"), besides its address. */
const PART_LINK_MARKUP = 90;

/** The name a node has in the list: a question's prompt, a result's kind and title. */
export function outlineName(tree: Tree, id: string): string {
  const node = getNode(tree, id);
  if (!node) return id;
  return node.kind === 'question' ? node.prompt : `${OUTCOME_CAPTIONS[node.type]}: ${node.title}`;
}

/**
 * Bytes of text as written into the page: UTF-8, with the five characters React escapes
 * (`&amp;` and the like) counted at their escaped length. An upper bound: every UTF-16 unit
 * beyond ASCII is counted as three bytes.
 */
export function htmlBytes(text: string): number {
  let bytes = text.length;
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code > 0x7f) bytes += 2 * char.length;
    else if ('&<>"\''.includes(char)) bytes += 5;
  }
  return bytes;
}

/**
 * The list as the map shows it: depth first from the start, answers in file order; a
 * question met again is referred to, not repeated; results are listed wherever they are met.
 */
export function buildOutline(tree: Tree): OutlineEntry {
  const shown = new Set<string>();
  const make = (id: string, from: OutlineEntry['from']): OutlineEntry => {
    const node = getNode(tree, id);
    if (!node || node.kind === 'outcome') return { id, repeat: false, from };
    if (shown.has(id)) return { id, repeat: true, from };
    shown.add(id);
    return { id, repeat: false, from, answers: [] };
  };
  // Depth first with a stack of its own (each open question with its next answer), not
  // recursion: a chain of questions may be thousands deep (issue 27). Each answer's branch is
  // listed in full before the next answer's, so "met again" means the same as in the list.
  const root = make(tree.start, undefined);
  const open: { listed: OutlineEntry; next: number }[] = root.answers
    ? [{ listed: root, next: 0 }]
    : [];
  for (let top = open.at(-1); top; top = open.at(-1)) {
    const node = getNode(tree, top.listed.id);
    const answer = node?.kind === 'question' ? node.answers[top.next] : undefined;
    if (!answer) {
      open.pop();
      continue;
    }
    top.next += 1;
    const entry = make(answer.next, { question: top.listed, label: answer.label });
    top.listed.answers?.push({ slug: answer.slug, label: answer.label, entry });
    if (entry.answers) open.push({ listed: entry, next: 0 });
  }
  return root;
}

const planCache = new WeakMap<Tree, Map<number, OutlinePlan>>();

/**
 * Splits the list into parts of at most `partBytes` each (by `entryBytes`), cutting whole
 * branches: working up from the results, where the entries under a question come to more
 * than a part holds, its heaviest branches become parts of their own until the rest fits.
 * Parts are numbered in the list's order; the first starts at the start. A single question
 * whose own answers are over the size still gets a part (nothing smaller can hold it).
 */
export function planOutline(tree: Tree, partBytes = PART_BYTES): OutlinePlan {
  const cached = planCache.get(tree)?.get(partBytes);
  if (cached) return cached;
  const trails = firstTrails(tree);
  const root = buildOutline(tree);
  // The addresses of a step (with the site's base path and `?v=`; its trail below) and of a part.
  const address = import.meta.env.BASE_URL.length + tree.id.length + 16;
  const partLink = PART_LINK_MARKUP + address;
  const entryBytes = (entry: OutlineEntry, label: string) =>
    ENTRY_MARKUP +
    address +
    (entry.repeat ? partLink : 0) +
    htmlBytes(label) +
    htmlBytes(outlineName(tree, entry.id)) +
    ((trails.get(entry.id) ?? []).at(-1)?.length ?? 0) +
    1;

  const cuts = new Set<OutlineEntry>([root]);
  // Post-order, without recursion: a chain of questions may be thousands deep.
  const kept = new Map<OutlineEntry, number>();
  const stack: { entry: OutlineEntry; label: string; visited: boolean }[] = [
    { entry: root, label: '', visited: false },
  ];
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    const answers = top.entry.answers ?? [];
    if (!top.visited) {
      top.visited = true;
      for (const answer of answers)
        stack.push({ entry: answer.entry, label: answer.label, visited: false });
      continue;
    }
    stack.pop();
    const branches = answers.map((answer) => answer.entry);
    const branchLabel = (branch: OutlineEntry) =>
      answers.find((answer) => answer.entry === branch)?.label ?? '';
    let total =
      entryBytes(top.entry, top.label) +
      branches.reduce((sum, branch) => sum + (kept.get(branch) ?? 0), 0);
    const heaviestFirst = branches
      .filter((branch) => branch.answers && branch.answers.length > 0)
      .sort((a, b) => (kept.get(b) ?? 0) - (kept.get(a) ?? 0));
    for (const branch of heaviestFirst) {
      if (total <= partBytes) break;
      cuts.add(branch);
      // Its entry stays, with a link to its part.
      total -= (kept.get(branch) ?? 0) - entryBytes(branch, branchLabel(branch)) - partLink;
    }
    kept.set(top.entry, total);
  }

  // Numbered in the list's order (depth first, answers in file order), with where each
  // node is listed in full.
  const parts: OutlinePart[] = [];
  const partAt = new Map<OutlineEntry, number>();
  const partOf = new Map<string, number>();
  const order: { entry: OutlineEntry; part: number }[] = [{ entry: root, part: 1 }];
  for (let next = order.pop(); next; next = order.pop()) {
    let { part } = next;
    const { entry } = next;
    if (cuts.has(entry)) {
      part = parts.length + 1;
      parts.push({ number: part, root: entry });
      partAt.set(entry, part);
    }
    if (!entry.repeat && !partOf.has(entry.id)) partOf.set(entry.id, part);
    const answers = entry.answers ?? [];
    for (const answer of [...answers].reverse()) order.push({ entry: answer.entry, part });
  }
  const plan = { root, parts, partAt, partOf };
  const byBytes = planCache.get(tree) ?? new Map<number, OutlinePlan>();
  byBytes.set(partBytes, plan);
  planCache.set(tree, byBytes);
  return plan;
}
