import type { RouteObject } from 'react-router';
import { expect, test } from 'vitest';
import { ID_PATTERN, reservedTreeIds, ROUTE_SEGMENTS } from '../engine/ids';
import { createQueryClient } from '../lib/query-client';
import { createRoutes } from './routes';

/** The first segment of every route's path that a tree id could also be. */
function staticFirstSegments(routes: RouteObject[]): string[] {
  return routes.flatMap((route) => {
    const first = route.path?.split('/').find((segment) => segment.length > 0);
    const own = first && !first.startsWith(':') && ID_PATTERN.test(first) ? [first] : [];
    return [...own, ...staticFirstSegments(route.children ?? [])];
  });
}

test("every route's first segment is a reserved tree id, so no tree's steps hide behind a route", () => {
  const segments = staticFirstSegments(createRoutes(createQueryClient()));
  expect(segments.length).toBeGreaterThan(0);
  for (const segment of segments) {
    expect(reservedTreeIds(), `"${segment}" is not reserved`).toContain(segment);
  }
  // And the table names no route that is gone.
  expect(new Set(segments)).toEqual(new Set(Object.values(ROUTE_SEGMENTS)));
});
