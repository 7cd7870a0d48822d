// Code that runs inside the page under test, in either browser. Everything here is sent to
// the browser as function source (puppeteer's evaluate, WebDriver's executeScript), so each
// function must be self-contained: no closures over this module.

/**
 * Element queries by role and accessible name, or by CSS selector, resolved in the page.
 * A small stand-in for Playwright's getByRole, good enough for this app's markup: names
 * come from aria-label, aria-labelledby or the text content.
 * @typedef {{ re: string, flags?: string }} Pattern
 * @typedef {{
 *   role?: 'link' | 'button' | 'heading' | 'list' | 'region' | 'group' | 'status' | 'textbox' | 'banner',
 *   level?: number,
 *   name?: string | Pattern,
 *   text?: string | Pattern,
 *   selector?: string,
 *   within?: Query,
 * }} Query
 */
export function pageHelpers() {
  const ROLES = {
    link: 'a[href]',
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    list: 'ul, ol, [role="list"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
    group: 'fieldset, [role="group"]',
    status: '[role="status"], output',
    textbox: 'textarea, input:not([type]), input[type="text"]',
    banner: 'body > header, #root > header, [role="banner"]',
  };
  const normalize = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (element) => {
    const label = element.getAttribute('aria-label');
    if (label) return normalize(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return normalize(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    return normalize(element.textContent);
  };
  const matches = (actual, expected) =>
    typeof expected === 'string'
      ? actual === expected
      : new RegExp(expected.re, expected.flags ?? '').test(actual);
  const isRendered = (element) => {
    const rect = element.getBoundingClientRect();
    return (rect.width > 0 || rect.height > 0) && getComputedStyle(element).visibility !== 'hidden';
  };
  const describe = (query) => JSON.stringify(query);

  /** @param {Query} query */
  function findAll(query, root = document) {
    let scope = root;
    if (query.within) {
      scope = findAll(query.within, root)[0];
      if (!scope) return [];
    }
    const selector = query.selector ?? ROLES[query.role ?? ''];
    if (!selector) throw new Error(`unknown role in ${describe(query)}`);
    let found = [...scope.querySelectorAll(selector)];
    if (query.level) found = found.filter((element) => element.tagName === `H${query.level}`);
    if (query.name !== undefined) found = found.filter((el) => matches(nameOf(el), query.name));
    if (query.text !== undefined) {
      found = found.filter((el) => matches(normalize(el.textContent), query.text));
    }
    return found.filter(isRendered);
  }

  function find(query) {
    return findAll(query)[0] ?? null;
  }

  /**
   * Scrolls the element into view only if it is not fully in view (as a pointer click
   * from Playwright or WebDriver would), and returns its centre in viewport coordinates
   * and whether the element is what is there.
   */
  function pointOf(query) {
    const element = find(query);
    if (!element) return null;
    // A link that wraps over two lines: its first line box, where the text is (the centre of
    // the whole box can fall between the lines).
    const box = () =>
      [...element.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0) ??
      element.getBoundingClientRect();
    const outside = (rect) =>
      rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth;
    let rect = box();
    if (outside(rect)) {
      element.scrollIntoView({ block: 'center', inline: 'nearest' });
      rect = box();
    }
    if (outside(rect)) {
      // Firefox's scrollIntoView does nothing for an SVG <a>: scroll each scrolling
      // ancestor (the map's diagram pans inside its box), then the page, by hand.
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (!/(auto|scroll)/.test(style.overflowX + style.overflowY)) continue;
        const frame = parent.getBoundingClientRect();
        parent.scrollLeft += rect.left + rect.width / 2 - (frame.left + frame.width / 2);
        parent.scrollTop += rect.top + rect.height / 2 - (frame.top + frame.height / 2);
        rect = box();
      }
      scrollBy(
        rect.left + rect.width / 2 - innerWidth / 2,
        rect.top + rect.height / 2 - innerHeight / 2,
      );
      rect = box();
    }
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    // Whether a click there would reach the element, not something drawn over it.
    const hit = element.contains(document.elementFromPoint(x, y));
    return { x, y, hit };
  }

  /** The page's one h1, and whether it has focus and is fully inside the viewport. */
  function headingState() {
    const heading = document.querySelector('h1');
    const rect = heading?.getBoundingClientRect();
    return {
      url: location.pathname + location.search,
      heading: heading ? normalize(heading.textContent) : null,
      interactive: document.documentElement.hasAttribute('data-interactive'),
      focused: Boolean(heading) && document.activeElement === heading,
      activeElement: document.activeElement
        ? `${document.activeElement.tagName.toLowerCase()}${document.activeElement.id ? `#${document.activeElement.id}` : ''}`
        : null,
      // Within a pixel: Chromium scrolls a focused heading to a sub-pixel top such as -0.2.
      inView: rect
        ? rect.top > -1 &&
          rect.left > -1 &&
          rect.bottom < innerHeight + 1 &&
          rect.right < innerWidth + 1 &&
          rect.height > 0
        : false,
      box: rect
        ? { top: Math.round(rect.top), bottom: Math.round(rect.bottom), viewport: innerHeight }
        : null,
      scrollY: Math.round(scrollY),
    };
  }

  return { find, findAll, nameOf, normalize, pointOf, headingState };
}

/**
 * Wraps `fn(helpers, ...args)` into a self-contained function whose source can be sent
 * to the page (the helpers travel with it). Built here in Node, where the page's CSP does
 * not apply; the page itself never evaluates strings.
 * @template T
 * @param {(helpers: ReturnType<typeof pageHelpers>, ...args: any[]) => T} fn
 * @returns {(...args: any[]) => T}
 */
export function withHelpers(fn) {
  return /** @type {any} */ (
    new Function('...args', `return (${fn.toString()})((${pageHelpers.toString()})(), ...args);`)
  );
}

/**
 * For WebKit, where the driver cannot listen to the console: records console.error and
 * console.warn calls, uncaught exceptions, unhandled rejections and CSP violations in
 * sessionStorage (so they survive a full page load within the origin). Installed by the
 * driver into each document; idempotent.
 */
export function installCollector() {
  if (window.__e2eCollector) return;
  window.__e2eCollector = true;
  const KEY = 'e2e:problems';
  const record = (text) => {
    try {
      const list = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
      list.push(text);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch {
      (window.__e2eFallback ??= []).push(text);
    }
  };
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      record(`console.${level === 'warn' ? 'warning' : 'error'}: ${args.map(String).join(' ')}`);
      return original.apply(this, args);
    };
  }
  addEventListener('error', (event) => record(`uncaught: ${event.message}`));
  addEventListener('unhandledrejection', (event) =>
    record(`uncaught (in promise): ${event.reason?.message ?? event.reason}`),
  );
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      record(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`,
      ),
    true,
  );
}

/** Returns and forgets what installCollector recorded in this document's origin. */
export function drainCollector() {
  const KEY = 'e2e:problems';
  let list = [];
  try {
    list = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    sessionStorage.removeItem(KEY);
  } catch {
    // storage refused: only the in-memory list
  }
  return list.concat(window.__e2eFallback?.splice(0) ?? []);
}

/** For Firefox, as a preload script: CSP violations become console errors, which are collected. */
export function reportCspViolations() {
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`,
      ),
    true,
  );
}

/**
 * Wraps `fn(helpers, ...args)` like withHelpers, into a function that waits in the page
 * until it returns something truthy: it runs it at once, then again at each change that
 * could make it true (a mutation of the document, a focus, scroll, resize, load or history
 * event, and an animation frame after each, for layout and focus that settle just after a
 * commit). It resolves with the first truthy value, or with the last value once `roundMs`
 * have passed: that is a deadline, not a delay, so that the caller looks again in a new
 * document when a page load has taken this one (and its promise) away.
 * @param {(helpers: ReturnType<typeof pageHelpers>, ...args: any[]) => any} fn may be async
 * @returns {(roundMs: number, ...args: any[]) => Promise<any>}
 */
export function untilTrue(fn) {
  return /** @type {any} */ (
    new Function(
      'roundMs',
      '...args',
      `const helpers = (${pageHelpers.toString()})();
const check = () => (${fn.toString()})(helpers, ...args);
${waitInPage.toString()}
return waitInPage(check, roundMs);`,
    )
  );
}

/** The body of untilTrue, run in the page; checks never overlap (a check may be async). */
function waitInPage(check, roundMs) {
  const EVENTS = ['focusin', 'focusout', 'scroll', 'resize', 'load', 'popstate', 'hashchange'];
  return new Promise((resolve, reject) => {
    let done = false;
    let running = false;
    let again = false;
    let last;
    const observer = new MutationObserver(() => run());
    const onEvent = () => run();
    const finish = (settle) => {
      if (done) return;
      done = true;
      observer.disconnect();
      for (const type of EVENTS) removeEventListener(type, onEvent, true);
      clearTimeout(deadline);
      settle();
    };
    const run = async (afterFrame = false) => {
      if (done) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          last = await check();
          if (last) return finish(() => resolve(last));
        } while (again && !done);
        // What a commit changes, layout and focus, can settle a frame later: one more look
        // then (and no more: this is not a loop on every frame).
        if (!afterFrame) requestAnimationFrame(() => void run(true));
      } catch (error) {
        finish(() => reject(error));
      } finally {
        running = false;
      }
    };
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    for (const type of EVENTS) addEventListener(type, onEvent, true);
    const deadline = setTimeout(() => finish(() => resolve(last)), roundMs);
    void run();
  });
}
