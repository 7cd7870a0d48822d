/**
 * A bar's label as the lines drawn beside it: whole words, at most `maxChars` a line and
 * `maxLines` lines, the last ending in "…" when the label goes on. A word longer than a line
 * is cut. Chart.js draws an axis label that is too wide cut off at the canvas's edge, which
 * at 320 px left only the ends of the questions; the whole label is in the tooltip and in the
 * table below the chart.
 */
export function chartLabelLines(label: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= maxChars) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.length < maxChars ? last : last.slice(0, maxChars - 1)}…`;
  return kept;
}

/** Characters a line for a chart `width` px wide: its labels may take half of it. */
export function labelCharsFor(width: number): number {
  return Math.max(10, Math.min(40, Math.floor(width / 16)));
}
