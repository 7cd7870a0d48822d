/**
 * An unfinished walk, remembered in this browser (localStorage, one entry per tree) so
 * the start page can offer to continue. Storage may be missing, full, disabled or
 * throwing (private modes, locked-down desktops): then nothing is remembered and
 * nothing breaks.
 */
export type SavedProgress = { trail: string[]; version: number; savedAt: string };

const keyFor = (treeId: string) => `troubleshooter:progress:${treeId}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function saveProgress(treeId: string, progress: SavedProgress): void {
  try {
    storage()?.setItem(keyFor(treeId), JSON.stringify(progress));
  } catch {
    // Full or refused: resuming is a convenience, the walk goes on.
  }
}

export function readProgress(treeId: string): SavedProgress | undefined {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(keyFor(treeId)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { trail, version, savedAt } = value as Partial<SavedProgress>;
    if (!Array.isArray(trail) || !trail.every((slug) => typeof slug === 'string')) return undefined;
    if (typeof version !== 'number' || typeof savedAt !== 'string') return undefined;
    return { trail, version, savedAt };
  } catch {
    return undefined;
  }
}

export function forgetProgress(treeId: string): void {
  try {
    storage()?.removeItem(keyFor(treeId));
  } catch {
    // Nothing to do: there is nothing we could have stored either.
  }
}
