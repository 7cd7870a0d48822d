import { memo, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';
import type { Tree } from '../../engine/tree-schema';
import { selectedIndex, type Selection } from './editor-state';
import { nodeLabel } from './node-forms';

type Item = {
  key: string;
  level: 1 | 2;
  label: string;
  selection: Selection;
  /** For a question: its answers' keys, shown when it is expanded. */
  children?: string[];
  parent?: string;
};

function outlineItems(tree: Tree): Item[] {
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const items: Item[] = [
    {
      key: 'tree',
      level: 1,
      label: `Troubleshooter: ${tree.title || '(no title)'}`,
      selection: { kind: 'tree' },
    },
  ];
  tree.nodes.forEach((node, index) => {
    const key = `node:${index}`;
    const start = node.id === tree.start ? ', first question' : '';
    if (node.kind === 'outcome') {
      items.push({
        key,
        level: 1,
        label: `${OUTCOME_CAPTIONS[node.type]}: ${nodeLabel(node)}`,
        selection: { kind: 'node', id: node.id, index },
      });
      return;
    }
    const children = node.answers.map((_, answer) => `${key}:${answer}`);
    items.push({
      key,
      level: 1,
      label: `Question${start}: ${nodeLabel(node)}`,
      selection: { kind: 'node', id: node.id, index },
      children,
    });
    node.answers.forEach((answer, answerIndex) => {
      const target = byId.get(answer.next);
      items.push({
        key: `${key}:${answerIndex}`,
        level: 2,
        parent: key,
        label: `${answer.label || '(no label)'} → ${target ? nodeLabel(target) : answer.next ? `a question or outcome that is not there (“${answer.next}”)` : 'leads nowhere yet'}`,
        selection: { kind: 'node', id: node.id, index, answer: answerIndex },
      });
    });
  });
  return items;
}

const ROW_ID = 'outline-';
const NO_ITEMS: readonly Item[] = [];

type RowProps = {
  item: Item;
  open: boolean | undefined;
  /** Its answers shown under it (none while closed). */
  answers: readonly Item[];
  /** The key of the item that has the tab stop, when it is this one or one of its answers. */
  active: string | undefined;
};

/** One troubleshooter, question (with its answers) or outcome of the outline. */
const OutlineRow = memo(function OutlineRow({ item, open, answers, active }: RowProps) {
  return (
    <div
      id={`${ROW_ID}${item.key}`}
      role="treeitem"
      aria-level={item.level}
      aria-selected={item.key === active}
      aria-expanded={open}
      tabIndex={item.key === active ? 0 : -1}
      className={`editor-outline__item editor-outline__item--level-${item.level}`}
    >
      <span className="editor-outline__label">{item.label}</span>
      {answers.length > 0 ? (
        <div role="group" className="editor-outline__group">
          {answers.map((answer) => (
            <OutlineRow
              key={answer.key}
              item={answer}
              open={undefined}
              answers={NO_ITEMS}
              active={active}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}, sameRow);

/**
 * Whether a row would look the same: the outline of a large tree has thousands, made afresh
 * from each settled tree, and only those whose text or state changed are drawn again.
 */
function sameRow(before: RowProps, after: RowProps): boolean {
  return (
    before.open === after.open &&
    before.active === after.active &&
    sameItem(before.item, after.item) &&
    before.answers.length === after.answers.length &&
    before.answers.every((answer, at) => sameItem(answer, after.answers[at]))
  );
}

function sameItem(before: Item, after: Item | undefined): boolean {
  return (
    before === after ||
    (after !== undefined &&
      before.key === after.key &&
      before.label === after.label &&
      before.level === after.level)
  );
}

function keyOf(tree: Tree, selection: Selection): string {
  const index = selectedIndex(tree, selection);
  if (selection.kind === 'tree' || index === undefined) return 'tree';
  return selection.answer === undefined ? `node:${index}` : `node:${index}:${selection.answer}`;
}

/**
 * The tree as an outline, the ARIA tree pattern: the troubleshooter, each question with
 * its answers (and where each leads), each outcome. One tab stop; the arrow keys move and
 * select (the form beside it follows), Right and Left open and close a question, Home and
 * End go to the ends, Enter goes to the form. Nothing needs a mouse or dragging.
 */
export const TreeOutline = memo(function TreeOutline({
  tree,
  selection,
  onSelect,
  onEnter,
}: {
  tree: Tree;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onEnter: () => void;
}) {
  // Worked out again only when the tree changes (memo: not when the page around it does).
  const items = useMemo(() => outlineItems(tree), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const visible = items.filter((item) => !item.parent || !collapsed.has(item.parent));
  // Each question's visible answers, found once: looking them up per question would take
  // the square of the outline's length (5,000 items in a 1,700-question tree).
  const childrenOf = new Map<string, Item[]>();
  for (const item of visible) {
    if (item.parent) childrenOf.set(item.parent, [...(childrenOf.get(item.parent) ?? []), item]);
  }
  const current = keyOf(tree, selection);
  const active = visible.some((item) => item.key === current)
    ? current
    : (items.find((item) => item.key === current)?.parent ?? 'tree');

  const focusItem = (key: string) => {
    const item = items.find((candidate) => candidate.key === key);
    if (!item) return;
    onSelect(item.selection);
    const row = document.getElementById(`${ROW_ID}${key}`);
    row?.focus();
    if (row) keepInView(row);
  };
  const toggle = (key: string, open: boolean) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Shortcuts with a modifier (Ctrl+Z) are the page's: they go on to its handler.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = visible.findIndex((item) => item.key === active);
    const item = visible[at];
    if (!item) return;
    const go = (key: string | undefined) => {
      event.preventDefault();
      if (key) focusItem(key);
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(visible[at + 1]?.key);
      case 'ArrowUp':
        return go(visible[at - 1]?.key);
      case 'Home':
        return go(visible[0]?.key);
      case 'End':
        return go(visible.at(-1)?.key);
      case 'ArrowRight':
        if (!item.children?.length) return;
        event.preventDefault();
        if (collapsed.has(item.key)) toggle(item.key, true);
        else focusItem(item.children[0] ?? item.key);
        return;
      case 'ArrowLeft':
        event.preventDefault();
        if (item.parent) focusItem(item.parent);
        else if (item.children?.length) toggle(item.key, false);
        return;
      case 'Enter':
        event.preventDefault();
        onEnter();
        return;
    }
  };
  // One handler for every row (the item clicked is found from its id): the rows themselves
  // are then plain values, drawn again only when their own text or state changes.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest('[role="treeitem"]');
    if (row) focusItem(row.id.slice(ROW_ID.length));
  };

  return (
    // The tree's items take focus (a roving tabindex, as the ARIA tree pattern has it), not
    // the tree itself; their keys and clicks are read here.
    // eslint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      role="tree"
      id="editor-outline"
      aria-label="Outline"
      className="editor-outline"
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      {chunked(
        visible
          .filter((item) => !item.parent)
          .map((item): RowProps => {
            const open = item.children?.length ? !collapsed.has(item.key) : undefined;
            const answers = open ? (childrenOf.get(item.key) ?? []) : NO_ITEMS;
            const here = active === item.key || answers.some((answer) => answer.key === active);
            return { item, open, answers, active: here ? active : undefined };
          }),
      ).map((rows, at) => (
        // A chunk of rows the browser skips (layout, paint) while it is far from view, and
        // sizes by its rows until it has been drawn once (then by its last size).
        <div
          key={at}
          className="editor-outline__chunk"
          style={{
            containIntrinsicSize: `auto ${rows.reduce((lines, row) => lines + 1 + row.answers.length, 0) * ROW_REM}rem`,
          }}
        >
          {rows.map((row) => (
            <OutlineRow key={row.item.key} {...row} />
          ))}
        </div>
      ))}
    </div>
  );
});

/**
 * Rows by the hundred: the outline of a 1,700-question tree is 20,000 boxes, and the browser
 * works on all of them at every frame unless told which it may skip (`content-visibility`,
 * editor.css). Per chunk rather than per row, because the browser watches each such element
 * for when it comes into view, and 1,700 of them cost it more than they save.
 */
const CHUNK_ROWS = 100;
/** About the height of one line of the outline, for a chunk not drawn yet. */
const ROW_REM = 2;

/**
 * Chunks not drawn yet are sized by estimate (content-visibility): the scroll that focus made
 * to a far row is put right, frame by frame for a moment, as the chunks it passed are drawn at
 * their size (which takes the browser a frame or two after each scroll), while it has focus.
 */
function keepInView(row: HTMLElement, frames = 30): void {
  requestAnimationFrame(() => {
    if (document.activeElement !== row) return;
    row.scrollIntoView({ block: 'nearest' });
    if (frames > 1) keepInView(row, frames - 1);
  });
}

function chunked<T>(rows: T[]): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) chunks.push(rows.slice(at, at + CHUNK_ROWS));
  return chunks;
}
