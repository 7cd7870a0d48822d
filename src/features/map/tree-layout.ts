import { Graph, layout } from '@dagrejs/dagre';
import { treeGraph } from '../../engine/tree-graph';
import { firstTrails } from '../../engine/tree-walks';
import type { Tree } from '../../engine/tree-schema';
import { textWidth, wrapParts, wrapText } from './text-width';

/** A rectangle by its top left corner, in the diagram's pixels. */
export type Rect = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };

export type MapNode = {
  id: string;
  kind: 'question' | 'outcome';
  lines: string[];
  box: Rect;
  /** The first trail (answers in file order) that reaches this node: where its link goes. */
  trail: readonly string[];
};

export type MapEdge = {
  from: string;
  to: string;
  /** The slugs of the answers this arrow stands for (answers to the same node share one). */
  answers: string[];
  lines: string[];
  label: Rect;
  /** The line in pieces: it stops at its label's edge and starts again below it. */
  segments: Point[][];
};

export type TreeLayout = { nodes: MapNode[]; edges: MapEdge[]; width: number; height: number };

/** Text in boxes: font size and line height in px, and the room kept around the lines. */
export const NODE_TEXT = { fontSize: 13, lineHeight: 18, paddingX: 10, paddingY: 8, maxWidth: 170 };
/** Text of answer labels: at least 12 px, the smallest size the map uses (issue 14). */
export const LABEL_TEXT = { fontSize: 12, lineHeight: 16, paddingX: 4, paddingY: 2, maxWidth: 132 };

type TextStyle = typeof NODE_TEXT;

/** The box that holds lines of text with its padding. */
function textBlock(lines: string[], style: TextStyle) {
  const widest = Math.max(0, ...lines.map((line) => textWidth(line, style.fontSize)));
  return {
    lines,
    width: Math.ceil(widest + 2 * style.paddingX),
    height: lines.length * style.lineHeight + 2 * style.paddingY,
  };
}

type Band = { top: number; bottom: number };

/**
 * Lays the tree out top to bottom with dagre: questions and outcomes as boxes that fit
 * their text, answers as arrows whose labels dagre places as nodes of their own, so no
 * label can sit on a box or another label. Arrows are drawn square: down inside a rank
 * only where dagre kept that place free for them, sideways only in the gaps between
 * ranks, where there are no boxes and no labels. So no line crosses a box or a label.
 */
export function layoutTree(tree: Tree): TreeLayout {
  // A tree is immutable once validated, like the engine's graph cache (ADR 13): a map
  // opened again in the same visit is not laid out again.
  const known = layouts.get(tree);
  if (known) return known;
  const map = computeLayout(tree);
  layouts.set(tree, map);
  return map;
}

const layouts = new WeakMap<Tree, TreeLayout>();

function computeLayout(tree: Tree): TreeLayout {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 24, edgesep: 12, ranksep: 44, marginx: 8, marginy: 8 });
  const trails = firstTrails(tree);
  const blocks = new Map<string, ReturnType<typeof textBlock>>();

  for (const node of tree.nodes) {
    const text = node.kind === 'question' ? node.prompt : node.title;
    const block = textBlock(wrapText(text, NODE_TEXT.maxWidth, NODE_TEXT.fontSize), NODE_TEXT);
    blocks.set(node.id, block);
    graph.setNode(node.id, { width: block.width, height: block.height });
  }
  const joined = new Map<
    string,
    { from: string; to: string; answers: string[]; labels: string[] }
  >();
  for (const { from, to, answer } of [...treeGraph(tree).out.values()].flat()) {
    const entry = joined.get(`${from}>${to}`) ?? { from, to, answers: [], labels: [] };
    entry.answers.push(answer.slug);
    entry.labels.push(answer.label);
    joined.set(`${from}>${to}`, entry);
  }
  const arrows = [...joined.values()].map(({ labels, ...arrow }) => {
    const lines = wrapParts(labels, '/', LABEL_TEXT.maxWidth, LABEL_TEXT.fontSize);
    const block = textBlock(lines, LABEL_TEXT);
    graph.setEdge(arrow.from, arrow.to, {
      width: block.width,
      height: block.height,
      labelpos: 'c',
    });
    return { ...arrow, block };
  });
  layout(graph);

  // Each rank's extent from top to bottom, keyed by its centre line (dagre centres a rank).
  const bands = new Map<number, Band>();
  const widen = (centre: number, height: number) => {
    const band = bands.get(centre) ?? { top: centre, bottom: centre };
    bands.set(centre, {
      top: Math.min(band.top, centre - height / 2),
      bottom: Math.max(band.bottom, centre + height / 2),
    });
  };
  const band = (centre: number): Band => bands.get(centre) ?? { top: centre, bottom: centre };

  const placedNodes = new Map<string, { x: number; y: number; box: Rect }>();
  const nodes = tree.nodes.map((node): MapNode => {
    const placed = graph.node(node.id);
    const box = centred(placed.x, placed.y, placed.width, placed.height);
    placedNodes.set(node.id, { x: placed.x, y: placed.y, box });
    widen(placed.y, placed.height);
    return {
      id: node.id,
      kind: node.kind,
      lines: blocks.get(node.id)?.lines ?? [],
      box,
      trail: trails.get(node.id) ?? [],
    };
  });
  const placedArrows = arrows.map(({ block, ...arrow }) => {
    const data = graph.edge(arrow.from, arrow.to);
    const centre = { x: data.x ?? 0, y: data.y ?? 0 };
    widen(centre.y, block.height);
    // dagre's points: where the line leaves the box, one per rank it crosses (the label's
    // among them), where it meets the next box. The inner ones are the places kept free.
    const through: Point[] = (data.points ?? []).slice(1, -1);
    for (const point of through) widen(point.y, 0);
    return {
      ...arrow,
      lines: block.lines,
      label: centred(centre.x, centre.y, block.width, block.height),
      labelCentre: centre,
      through,
    };
  });

  const edges = placedArrows.map(({ through, labelCentre, ...arrow }): MapEdge => {
    const source = placedNodes.get(arrow.from);
    const target = placedNodes.get(arrow.to);
    if (!source || !target) throw new Error(`no box for the arrow ${arrow.from}>${arrow.to}`);
    const { label } = arrow;
    const segments: Point[][] = [];
    let at: Point = { x: source.x, y: source.box.y + source.box.height };
    let current: Point[] = [at];
    const go = (point: Point) => {
      current.push(point);
      at = point;
    };
    let above = band(source.y).bottom;
    for (const stop of through) {
      const here = band(stop.y);
      if (stop.x !== at.x) {
        const gap = (above + here.top) / 2;
        go({ x: at.x, y: gap });
        go({ x: stop.x, y: gap });
      }
      if (stop.x === labelCentre.x && stop.y === labelCentre.y) {
        // The line stops at its label and goes on below it.
        go({ x: stop.x, y: label.y });
        segments.push(current);
        at = { x: stop.x, y: label.y + label.height };
        current = [at];
      }
      go({ x: stop.x, y: here.bottom });
      above = here.bottom;
    }
    if (target.x !== at.x) {
      const gap = (above + band(target.y).top) / 2;
      go({ x: at.x, y: gap });
      go({ x: target.x, y: gap });
    }
    go({ x: target.x, y: target.box.y });
    segments.push(current);
    return { ...arrow, segments: segments.map(withoutRepeats) };
  });

  const size = graph.graph();
  return { nodes, edges, width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0) };
}

function centred(x: number, y: number, width: number, height: number): Rect {
  return { x: x - width / 2, y: y - height / 2, width, height };
}

/** Drops points that repeat the one before, so every segment has a length. */
function withoutRepeats(points: Point[]): Point[] {
  return points.filter((point, index) => {
    const before = points[index - 1];
    return !before || point.x !== before.x || point.y !== before.y;
  });
}
