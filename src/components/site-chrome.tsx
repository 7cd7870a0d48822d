import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '../lib/paths';

/** Header, main landmark and footer around every screen, errors included. */
export function SiteChrome({ children, status }: { children?: ReactNode; status?: ReactNode }) {
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-width">
          <Link to={paths.catalog.getHref()} className="site-header__name">
            Troubleshooter
          </Link>
        </div>
      </header>
      <div className="site-width site-status" role="status" aria-live="polite">
        {status}
      </div>
      <main id="main" className="site-width site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-width">Every step has its own address: share it with a colleague.</div>
      </footer>
    </div>
  );
}
