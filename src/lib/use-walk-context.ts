import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { parseWalkContext, withWalkContext, type WalkContext } from './walk-context';

/**
 * The walk's context from the address, and a function that adds it to an app href: every
 * link of the walk carries it, so Back, Forward, a reload and a new tab keep it.
 */
export function useWalkContext(): { context: WalkContext; carry: (href: string) => string } {
  const { search } = useLocation();
  return useMemo(() => {
    const context = parseWalkContext(search);
    return { context, carry: (href: string) => withWalkContext(href, context) };
  }, [search]);
}
