import { Graph, layout } from '@dagrejs/dagre';
import { treeGraph } from '../../engine/tree-graph';
import { firstTrails } from '../../engine/tree-walks';
import type { Tree } from '../../engine/tree-schema';

export type MapNode = {
  id: string;
  kind: 'question' | 'outcome';
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** The first trail (answers in file order) that reaches this node: where its link goes. */
  trail: readonly string[];
};

export type MapEdge = {
  from: string;
  to: string;
  label: string;
  points: { x: number; y: number }[];
  labelX: number;
  labelY: number;
};

export type TreeLayout = { nodes: MapNode[]; edges: MapEdge[]; width: number; height: number };

const NODE_WIDTH = 200;
const LINE_HEIGHT = 16;
const CHARS_PER_LINE = 28;

/** Breaks text into lines of about `width` characters, at spaces. */
export function wrapText(text: string, width = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lays the tree out top to bottom with dagre: questions and outcomes as boxes, answers
 * as labelled arrows (answers that lead to the same node share one arrow).
 */
export function layoutTree(tree: Tree): TreeLayout {
  const graph = new Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 60, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  const trails = firstTrails(tree);
  const lines = new Map<string, string[]>();

  for (const node of tree.nodes) {
    const text = wrapText(node.kind === 'question' ? node.prompt : node.title);
    lines.set(node.id, text);
    graph.setNode(node.id, { width: NODE_WIDTH, height: text.length * LINE_HEIGHT + 24 });
  }
  const labels = new Map<string, string[]>();
  for (const { from, to, answer } of [...treeGraph(tree).out.values()].flat()) {
    const key = `${from}\u0000${to}`;
    labels.set(key, [...(labels.get(key) ?? []), answer.label]);
  }
  for (const [key, answerLabels] of labels) {
    const [from = '', to = ''] = key.split('\u0000');
    const label = answerLabels.join(' / ');
    graph.setEdge(from, to, {
      label,
      width: Math.min(label.length, 24) * 6.5,
      height: Math.ceil(label.length / 24) * 14,
      labelpos: 'c',
    });
  }
  layout(graph);

  const nodes = tree.nodes.map((node): MapNode => {
    const box = graph.node(node.id);
    return {
      id: node.id,
      kind: node.kind,
      lines: lines.get(node.id) ?? [],
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      trail: trails.get(node.id) ?? [],
    };
  });
  const edges = graph.edges().map((edge): MapEdge => {
    const data = graph.edge(edge);
    return {
      from: edge.v,
      to: edge.w,
      label: String(data.label ?? ''),
      points: data.points ?? [],
      labelX: data.x ?? 0,
      labelY: data.y ?? 0,
    };
  });
  const size = graph.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}
