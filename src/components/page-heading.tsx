import type { ReactNode } from 'react';

type PageHeadingProps = {
  /** A short line above the heading, e.g. "Question 3" or "Diagnosis". */
  caption?: ReactNode;
  /**
   * Reads the caption as part of the heading ("Not this problem: The client is not on
   * SMS 1.2"), for a heading that does not say what kind of page it is by itself; focus
   * lands on the h1 alone, so a screen reader hears it there, and only there.
   */
  captionInHeading?: boolean;
  children: ReactNode;
};

/**
 * The page's one h1. tabIndex -1 lets the layout move focus here after each
 * navigation, so screen readers announce the new step (see root-layout.tsx).
 */
export function PageHeading({ caption, captionInHeading = false, children }: PageHeadingProps) {
  const spoken = caption && captionInHeading;
  return (
    <div className="page-heading">
      {caption ? (
        <p className="page-heading__caption" aria-hidden={spoken ? true : undefined}>
          {caption}
        </p>
      ) : null}
      <h1 tabIndex={-1} className="page-heading__title" elementtiming="step-heading">
        {spoken ? <span className="visually-hidden">{caption}:</span> : null}
        {spoken ? ' ' : null}
        {children}
      </h1>
    </div>
  );
}
