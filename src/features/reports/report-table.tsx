import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A report table's box. Cells wrap between words only (report-page.css); a table still wider
 * than the screen scrolls sideways in this box, and a line above it says so. The box is always
 * a labelled region in the tab order, so that the arrow keys can scroll it (WCAG 2.1.1): made
 * one only once measured, it was a scrolling box nobody could reach for the moment between a
 * resize and the measure (axe caught it in CI).
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
        role="region"
        aria-label={label}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- it scrolls (WCAG 2.1.1)
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
