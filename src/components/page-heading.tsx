import type { ReactNode } from 'react';

type PageHeadingProps = {
  /** A short line above the heading, e.g. "Question 3" or "Diagnosis". */
  caption?: ReactNode;
  children: ReactNode;
};

/**
 * The page's one h1. tabIndex -1 lets the layout move focus here after each
 * navigation, so screen readers announce the new step (see root-layout.tsx).
 */
export function PageHeading({ caption, children }: PageHeadingProps) {
  return (
    <div className="page-heading">
      {caption ? <p className="page-heading__caption">{caption}</p> : null}
      <h1 tabIndex={-1} className="page-heading__title" elementtiming="step-heading">
        {children}
      </h1>
    </div>
  );
}
