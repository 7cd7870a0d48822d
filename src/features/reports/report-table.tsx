import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A report table's box. Cells wrap between words only (report-page.css); a table still wider
 * than the screen scrolls sideways in this box, which then is a labelled region in the tab
 * order so that the arrow keys scroll it (WCAG 2.1.1), and a line above it says so. A table
 * that fits adds no tab stop.
 */
export function ReportTable({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    // Without ResizeObserver (old or locked-down browsers, jsdom), the first measure stands.
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {/* Cut at the screen's edge, a table's last columns look like all there is. */}
      {scrolls ? (
        <p className="report-table__hint">
          Wider than the screen: scroll the table sideways for more columns.
        </p>
      ) : null}
      <div
        ref={box}
        className="report-table"
        {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
      >
        {children}
      </div>
    </>
  );
}
