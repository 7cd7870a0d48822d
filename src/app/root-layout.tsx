import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import {
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useNavigationType,
} from 'react-router';
import {
  markEmbedded,
  readFrameEmbedParams,
  type EmbedParams,
} from '../features/embed/embed-params';
import { chunk } from '../lib/chunk';
import { useOpenDetailsForPrint } from '../lib/open-details-for-print';
import { useHydrated, useMarkInteractive } from '../data/prerendered-page';
import { SiteChrome } from '../components/site-chrome';

/**
 * Moves focus to the new screen's h1 once a navigation has committed, so keyboard users
 * start from the top of the new step and screen readers announce it. The router commits
 * a page only when its code and data are in (routes.tsx), so the heading is there.
 * Where the page scrolls to is ScrollRestoration's (RootLayout): the top for a new page,
 * where it was for Back and Forward. So focusing never scrolls after Back or Forward; after
 * a new page `block: 'nearest'` makes sure the heading is wholly in view, which Firefox's
 * focus() does not do for an element already partly visible. The first render is left
 * alone: a freshly opened page must not grab focus (it may be framed), and so is a replace
 * that stays on the page (the list's filter writing what is typed into the address): focus
 * stays in the box being typed in.
 */
function useFocusHeadingOnNavigation() {
  const { key, pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef({ key, pathname });
  useEffect(() => {
    if (key === previous.current.key) return;
    const samePage = navigationType === 'REPLACE' && pathname === previous.current.pathname;
    previous.current = { key, pathname };
    if (samePage) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    // Scrolled into view once: focus() alone would scroll it, then scrollIntoView check again
    // (the layout of the new page is forced either way; docs/performance.md).
    heading?.focus({ preventScroll: true });
    if (navigationType !== 'POP') heading?.scrollIntoView({ block: 'nearest' });
  }, [key, pathname, navigationType]);
}

/**
 * The navigation hooks live in components of their own that render next to nothing, so a
 * navigation re-renders them, not the layout and the site's header and footer around
 * every screen (a click on an answer renders the new step and little else).
 */
function FocusHeadingOnNavigation() {
  useFocusHeadingOnNavigation();
  return null;
}

function PendingStatus() {
  return usePendingAfterAMoment(useNavigation().state === 'loading') ? 'Loading…' : null;
}

/**
 * The router's pending state, said only when a navigation takes longer than a moment:
 * most take a few milliseconds, and a status that flashes (and is announced) on every
 * answer would be noise.
 */
function usePendingAfterAMoment(pending: boolean, delay = 400): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setShown(true), delay);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [pending, delay]);
  return pending && shown;
}

// Loaded only inside a frame opened by embed.js.
const embedBridge = chunk(() => import('../features/embed/embed-bridge'));
const EmbedBridge = lazy(async () => ({ default: (await embedBridge()).EmbedBridge }));

// Read once, when the app starts: the parameters are on the frame's first URL only.
let firstUrlEmbedParams: EmbedParams | null | undefined;
const readFirstUrlEmbedParams = () =>
  (firstUrlEmbedParams ??= readFrameEmbedParams(window) ?? null);

/**
 * In embed.js's frame, called as the app starts (main.tsx; ADR 44): the frame is shown from
 * its first paint, so its compact look goes on now, not after hydration, and the bridge's code
 * is asked for now, to be there at hydration (links out of the frame open in a new tab only
 * once it runs). A failure to load it is tried again, and handled, where it is rendered.
 */
export function prepareEmbeddedFrame() {
  const params = readFirstUrlEmbedParams();
  if (!params) return;
  markEmbedded(document.documentElement, params);
  Promise.resolve(embedBridge()).catch(() => undefined);
}

/** Null while hydrating (the prerendered HTML is the same with or without ?embed). */
function useEmbedParams(): EmbedParams | null {
  return useHydrated() ? readFirstUrlEmbedParams() : null;
}

export function RootLayout() {
  useMarkInteractive();
  useOpenDetailsForPrint();
  const embed = useEmbedParams();
  return (
    <SiteChrome status={<PendingStatus />}>
      <ScrollRestoration />
      <Outlet />
      {/* After the screen, so its effect runs once the screen's own have. */}
      <FocusHeadingOnNavigation />
      {embed ? (
        <Suspense fallback={null}>
          <EmbedBridge params={embed} />
        </Suspense>
      ) : null}
    </SiteChrome>
  );
}
