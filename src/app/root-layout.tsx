import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { SiteChrome } from './site-chrome';

/**
 * Moves focus to the new screen's h1 after every in-app navigation, so keyboard
 * users start from the top of the new step and screen readers announce it. The
 * first render is left alone: a freshly opened page must not grab focus (it may
 * be framed by another page).
 */
function useFocusHeadingOnNavigation() {
  const { key } = useLocation();
  const previousKey = useRef(key);
  useEffect(() => {
    if (key === previousKey.current) return;
    previousKey.current = key;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [key]);
}

/**
 * Marks the document once the app has hydrated and can handle clicks itself. Tests wait
 * for it; CSS could use it to show controls that need JavaScript.
 */
function useMarkInteractive() {
  useEffect(() => {
    document.documentElement.dataset.interactive = '';
  }, []);
}

export function RootLayout() {
  useFocusHeadingOnNavigation();
  useMarkInteractive();
  const navigation = useNavigation();
  return (
    <SiteChrome status={navigation.state === 'loading' ? 'Loading…' : null}>
      <Outlet />
      <ScrollRestoration />
    </SiteChrome>
  );
}

export function LoadingScreen() {
  return (
    <SiteChrome status="Loading…">
      <p className="loading">Loading…</p>
    </SiteChrome>
  );
}
