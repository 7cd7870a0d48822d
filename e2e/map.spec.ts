import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, heading, openInteractive, test } from './fixtures';

// The map as drawn by the browser, measured in the page: the unit tests check the layout's
// own numbers; these check what Chromium made of them (real glyphs, real widths).

const MAP_URL = '/map/q164887?trail=sms-1-2/os-upgrade';
const WIDTHS = [320, 768, 1280];
const SCHEMES = ['light', 'dark'] as const;

type Geometry = {
  pageOverflow: number;
  box: { clientWidth: number; scrollWidth: number };
  problems: string[];
  smallestFont: number;
};

/** What is wrong with the diagram on screen now, from the browser's own boxes. */
function measure(page: Page): Promise<Geometry> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const svg = document.querySelector<SVGSVGElement>('svg.tree-map__svg');
    const box = document.querySelector<HTMLElement>('.tree-map');
    if (!svg || !box) throw new Error('no diagram on the page');
    const name = (element: Element) =>
      element.closest('a')?.getAttribute('aria-label') ?? element.closest('g')?.textContent ?? '?';
    const inside = (inner: DOMRect, outer: DOMRect, slack = 0.5) =>
      inner.x >= outer.x - slack &&
      inner.y >= outer.y - slack &&
      inner.x + inner.width <= outer.x + outer.width + slack &&
      inner.y + inner.height <= outer.y + outer.height + slack;
    const rects = [...svg.querySelectorAll<SVGRectElement>('a rect, rect.tree-map__label')];
    const shapes = rects.map((rect) => ({ rect, bounds: rect.getBBox() }));

    // Every text inside its own box, every box inside the drawing.
    const drawing = new DOMRect(0, 0, svg.viewBox.baseVal.width, svg.viewBox.baseVal.height);
    for (const { rect, bounds } of shapes) {
      const text = rect.parentElement?.querySelector('text');
      if (text && !inside(text.getBBox(), bounds)) problems.push(`text outside ${name(rect)}`);
      if (!inside(bounds, drawing, 0)) problems.push(`${name(rect)} is outside the drawing`);
    }
    // No two boxes or labels overlap.
    for (const [index, a] of shapes.entries()) {
      for (const b of shapes.slice(index + 1)) {
        const overlap =
          a.bounds.x < b.bounds.x + b.bounds.width &&
          b.bounds.x < a.bounds.x + a.bounds.width &&
          a.bounds.y < b.bounds.y + b.bounds.height &&
          b.bounds.y < a.bounds.y + a.bounds.height;
        if (overlap) problems.push(`${name(a.rect)} overlaps ${name(b.rect)}`);
      }
    }
    // No line runs through a box or a label: points every 2 px along each arrow.
    for (const line of svg.querySelectorAll<SVGPathElement>('.tree-map__edge path')) {
      const length = line.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const point = line.getPointAtLength(at);
        for (const { rect, bounds } of shapes) {
          const within =
            point.x > bounds.x + 1 &&
            point.x < bounds.x + bounds.width - 1 &&
            point.y > bounds.y + 1 &&
            point.y < bounds.y + bounds.height - 1;
          if (within) {
            problems.push(`a line crosses ${name(rect)}`);
            break;
          }
        }
      }
    }
    // Text as drawn: its size times the diagram's scale on screen.
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    );
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      box: { clientWidth: box.clientWidth, scrollWidth: box.scrollWidth },
      problems: [...new Set(problems)],
      smallestFont: Math.min(...sizes),
    };
  });
}

test('at 320, 768 and 1280 px, light and dark: no sideways scrolling, nothing clipped, nothing overlapping', async ({
  page,
}) => {
  await openInteractive(page, MAP_URL);
  await expect(heading(page)).toHaveText(
    'Windows NT upgrade job runs again at every restart (SMS 1.2)',
  );
  const region = page.getByRole('region', { name: 'Diagram' });
  const hint = region.getByText('The diagram is wider than the screen');
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const where = `${colorScheme}, ${width} px`;
      const geometry = await measure(page);
      expect(geometry.pageOverflow, `the page scrolls sideways: ${where}`).toBeLessThanOrEqual(0);
      expect(geometry.problems, where).toEqual([]);
      expect(geometry.smallestFont, `text smaller than 12 px: ${where}`).toBeGreaterThanOrEqual(12);
      await page.screenshot({
        path: `e2e-screenshots/map-${width}-${colorScheme}.png`,
        fullPage: true,
      });
      if (geometry.box.scrollWidth > geometry.box.clientWidth) {
        // Too wide for the box: it pans, says so, and the arrow keys move it.
        expect(width, `the diagram is cut off at ${where}`).toBeLessThan(768);
        await expect(hint).toBeVisible();
        await region.focus();
        await region.evaluate((element) => element.scrollTo(0, 0));
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() => region.evaluate((element) => element.scrollLeft), { message: where })
          .toBeGreaterThan(0);
        await region.blur();
      } else {
        await expect(hint).toBeHidden();
      }
    }
  }
});

test('the step you are on is marked apart from the path, in the diagram and in the list', async ({
  page,
}) => {
  await openInteractive(page, MAP_URL);
  const diagram = page.getByRole('group', { name: /^Diagram of/ });
  const here = diagram.getByRole('link', { name: /, you are here\)$/ });
  await expect(here).toHaveAttribute('aria-current', 'step');
  await expect(here).toHaveAccessibleName(
    'Does the same job start again each time the client starts? (question, you are here)',
  );
  await expect(diagram.locator('[aria-current]')).toHaveCount(1);
  await expect(diagram.getByRole('link', { name: /, on your path\)$/ })).toHaveCount(2);
  // Told apart by sight too: the current box is filled, the path's boxes are not.
  const fill = (link: ReturnType<Page['locator']>) =>
    link.locator('rect').evaluate((rect) => getComputedStyle(rect).fill);
  const pathFill = await fill(diagram.getByRole('link', { name: /, on your path\)$/ }).first());
  expect(await fill(here)).not.toBe(pathFill);

  const list = page.getByRole('region', { name: 'The same map as a list' });
  await expect(list.locator('[aria-current="step"]')).toHaveAccessibleName(
    'Does the same job start again each time the client starts?',
  );
  await expect(list.getByText('(your answer)')).toHaveCount(2);
});

test('in forced colours the diagram uses system colours, keeps the path and the step apart, and axe passes', async ({
  page,
}) => {
  await openInteractive(page, MAP_URL);
  await page.emulateMedia({ forcedColors: 'active' });
  const colours = await page.evaluate(() => {
    // What the system colours are here, from an element that uses them.
    const probe = document.createElement('span');
    document.body.append(probe);
    const system = (value: string) => {
      probe.style.setProperty('color', value);
      return getComputedStyle(probe).color;
    };
    const named = {
      Canvas: system('Canvas'),
      CanvasText: system('CanvasText'),
      Highlight: system('Highlight'),
      LinkText: system('LinkText'),
    };
    probe.remove();
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      const { fill, stroke, strokeWidth } = getComputedStyle(element);
      return { fill, stroke, strokeWidth };
    };
    return {
      named,
      node: style('.tree-map__node:not(.tree-map__node--path) rect'),
      path: style('.tree-map__node--path:not(.tree-map__node--current) rect'),
      current: style('.tree-map__node--current rect'),
      line: style('.tree-map__edge:not(.tree-map__edge--path) path'),
      pathLine: style('.tree-map__edge--path path'),
    };
  });
  const { named } = colours;
  expect(colours.node).toMatchObject({ fill: named.Canvas, stroke: named.LinkText });
  expect(colours.path).toMatchObject({ fill: named.Canvas, stroke: named.Highlight });
  expect(colours.path.strokeWidth).not.toBe(colours.node.strokeWidth);
  expect(colours.current).toMatchObject({ fill: named.Highlight });
  expect(colours.line.stroke).toBe(named.CanvasText);
  expect(colours.pathLine.stroke).toBe(named.Highlight);

  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wcagViolations(page), `forced colours, ${width} px`).toEqual([]);
    await page.screenshot({ path: `e2e-screenshots/map-${width}-forced.png`, fullPage: true });
  }
});

test('with JavaScript off, the map says the path needs it, and its links still lead to steps', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(MAP_URL);
  await expect(
    page.getByText('Your path is drawn on this map only with JavaScript on.'),
  ).toBeVisible();
  await expect(page.locator('[aria-current]')).toHaveCount(0);
  await page
    .getByRole('region', { name: 'The same map as a list' })
    .getByRole('link', { name: 'Not this problem: The job does not repeat' })
    .click();
  await expect(heading(page)).toHaveText('Not this problem: The job does not repeat');
  await context.close();
});

test('with JavaScript on, the note about JavaScript is not shown', async ({ page }) => {
  await openInteractive(page, MAP_URL);
  await expect(
    page.getByText('Your path is drawn on this map only with JavaScript on.'),
  ).toBeHidden();
});

test('on a narrow screen the diagram opens panned to the step you are on', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openInteractive(page, MAP_URL);
  const region = page.getByRole('region', { name: 'Diagram' });
  const here = page.getByRole('group', { name: /^Diagram of/ }).locator('[aria-current="step"]');
  await expect
    .poll(async () => {
      const box = await region.boundingBox();
      const step = await here.boundingBox();
      return Boolean(box && step && step.x >= box.x && step.x + step.width <= box.x + box.width);
    })
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('from a question to the map there is no blank page: the question stays until the map replaces it', async ({
  page,
}) => {
  await openInteractive(page, '/q164887/sms-1-2/os-upgrade?v=2');
  // Every state of the page's main heading from here on: it is never missing.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { headingsSeen: seen });
    new MutationObserver(() => {
      seen.push(document.querySelector('main h1')?.textContent ?? '(none)');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('link', { name: 'Map of this troubleshooter' }).click();
  await expect(heading(page)).toHaveText(
    'Windows NT upgrade job runs again at every restart (SMS 1.2)',
  );
  const seen = await page.evaluate(
    () => (window as unknown as { headingsSeen: string[] }).headingsSeen,
  );
  expect(seen).not.toContain('(none)');
  expect(seen.at(-1)).toBe('Windows NT upgrade job runs again at every restart (SMS 1.2)');
});
