import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** The first of these elements that is on screen gets focus (and is scrolled into view). */
type FocusRequest = { ids: readonly string[]; scroll?: boolean };

const FocusContext = createContext<(request: FocusRequest) => void>(() => undefined);

/**
 * Moves focus once React has committed the change that puts its target on screen, in an
 * effect, as the wizard moves it to a new step's heading: no timer guessing when that is.
 */
export function FocusAfterCommit({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<FocusRequest>();
  useEffect(() => {
    if (!request) return;
    const target = request.ids
      .map((id) => document.getElementById(id))
      .find((element) => element !== null);
    target?.focus();
    if (request.scroll) target?.scrollIntoView({ block: 'nearest' });
  }, [request]);
  return <FocusContext.Provider value={setRequest}>{children}</FocusContext.Provider>;
}

/** `focusAfterCommit(['id', 'fallback-id'])`: focus the first that exists after this update. */
export function useFocusAfterCommit(): (ids: readonly string[], scroll?: boolean) => void {
  const set = useContext(FocusContext);
  return (ids, scroll) => set({ ids, scroll });
}
