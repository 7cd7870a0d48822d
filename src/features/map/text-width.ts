// How wide a line of map text is, without a browser (ADR 15). The map is laid out in the
// prerender (Node, no DOM) and again in the browser while hydrating; both must compute the
// same boxes, so text is measured with a fixed table rather than by the font at hand.

// Advance widths in thousandths of an em, from `node scripts/measure-map-font.mjs`: for each
// character the widest of DejaVu Sans (system-ui on Linux, as wide as Verdana), Liberation
// Sans (Arial's widths) and Nimbus Sans (Helvetica's). Segoe UI, Roboto and San Francisco
// are narrower, so a line measured here fits in any of them.
const CHARS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—…‘’“”•·×°é';
const WIDTHS = [
  318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
  637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
  611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
  667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
  278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
  557, 1000, 1000, 318, 318, 519, 519, 590, 318, 838, 500, 616,
];
/** Anything not in the table (other scripts, emoji) counts as a full em: wide CJK is one em. */
const UNKNOWN = 1000;

const widths = new Map([...CHARS].map((char, index) => [char, WIDTHS[index] ?? UNKNOWN]));

/** The width of `text` in CSS pixels at `fontSize` px, never less than it renders here. */
export function textWidth(text: string, fontSize: number): number {
  let thousandths = 0;
  for (const char of text) thousandths += widths.get(char) ?? UNKNOWN;
  return (thousandths * fontSize) / 1000;
}

/**
 * Breaks text into lines no wider than `maxWidth` px, at spaces. A word wider than that on
 * its own keeps a line to itself (the box grows to fit it) rather than being cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lines for several short texts shown together ("Yes / Not sure"): each goes on the line
 * before, after the separator, when it fits there whole, and otherwise starts a line with
 * the separator, so no answer is split unless it is too long for a line by itself.
 */
export function wrapParts(
  parts: readonly string[],
  separator: string,
  maxWidth: number,
  fontSize: number,
): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.pop();
    if (last === undefined) {
      lines.push(...wrapText(part, maxWidth, fontSize));
    } else if (textWidth(`${last} ${separator} ${part}`, fontSize) <= maxWidth) {
      lines.push(`${last} ${separator} ${part}`);
    } else {
      lines.push(last, ...wrapText(`${separator} ${part}`, maxWidth, fontSize));
    }
  }
  return lines;
}
