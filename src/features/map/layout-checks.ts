import { textWidth } from './text-width';
import { LABEL_TEXT, NODE_TEXT, type Point, type Rect, type TreeLayout } from './tree-layout';

// What "nothing overlaps" means for a map, as checks on the layout's own numbers. The unit
// tests run them on the shipped trees and on generated ones; they name each problem.

/** Overlap of the insides: rectangles that only touch do not overlap. */
function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a straight segment passes through the inside of a rectangle (Liang–Barsky). */
export function segmentCrossesRect(from: Point, to: Point, rect: Rect, margin = 0.5): boolean {
  const left = rect.x + margin;
  const right = rect.x + rect.width - margin;
  const top = rect.y + margin;
  const bottom = rect.y + rect.height - margin;
  if (left >= right || top >= bottom) return false;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let enter = 0;
  let leave = 1;
  for (const [p, q] of [
    [-dx, from.x - left],
    [dx, right - from.x],
    [-dy, from.y - top],
    [dy, bottom - from.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) enter = Math.max(enter, t);
      else leave = Math.min(leave, t);
    }
  }
  return enter < leave;
}

/** Every overlap in a layout, in words; empty when nothing collides. */
export function layoutProblems(map: TreeLayout): string[] {
  const problems: string[] = [];
  const labels = map.edges.map((edge) => ({ name: `label ${edge.from}>${edge.to}`, ...edge }));
  const boxes = map.nodes.map((node) => ({ name: `box ${node.id}`, rect: node.box }));
  const shapes = [...boxes, ...labels.map((label) => ({ name: label.name, rect: label.label }))];

  for (const [index, a] of shapes.entries()) {
    for (const b of shapes.slice(index + 1)) {
      if (rectsOverlap(a.rect, b.rect)) problems.push(`${a.name} overlaps ${b.name}`);
    }
    const { x, y, width, height } = a.rect;
    if (x < 0 || y < 0 || x + width > map.width || y + height > map.height) {
      problems.push(`${a.name} is outside the diagram`);
    }
  }
  for (const edge of map.edges) {
    for (const segment of edge.segments) {
      for (const [index, to] of segment.entries()) {
        const from = segment[index - 1];
        if (!from) continue;
        for (const shape of shapes) {
          if (segmentCrossesRect(from, to, shape.rect)) {
            problems.push(`the line ${edge.from}>${edge.to} crosses ${shape.name}`);
          }
        }
      }
    }
  }
  const fits = (name: string, lines: string[], rect: Rect, style: typeof NODE_TEXT) => {
    for (const line of lines) {
      if (textWidth(line, style.fontSize) > rect.width - 2 * style.paddingX + 0.01) {
        problems.push(`"${line}" is wider than ${name}`);
      }
    }
    if (lines.length * style.lineHeight > rect.height - 2 * style.paddingY) {
      problems.push(`the text of ${name} is taller than it`);
    }
  };
  for (const node of map.nodes) fits(`box ${node.id}`, node.lines, node.box, NODE_TEXT);
  for (const label of labels) fits(label.name, label.lines, label.label, LABEL_TEXT);
  return problems;
}
