import { screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { renderApp } from '../../testing/render-app';

// Issue 27: every keystroke rewrote all drafts (10 characters took 985 ms with a 3.2 MB draft
// stored). Typing in one draft writes that draft's entries only; another draft in this
// browser, however large, is not written again, and its tree is not read.

afterEach(() => vi.restoreAllMocks());

test('typing in one draft never writes another draft kept in this browser, nor reads its tree', async () => {
  const other = {
    id: 'printer-jams',
    version: 1,
    title: 'Printer jams',
    description: 'x'.repeat(1_000_000),
    start: 'q',
    nodes: [],
  };
  localStorage.setItem('troubleshooter:draft:new:other', JSON.stringify(other));
  localStorage.setItem(
    'troubleshooter:draft-note:new:other',
    JSON.stringify({
      key: 'new:other',
      revision: 1,
      savedAt: new Date().toISOString(),
      title: other.title,
      treeId: other.id,
    }),
  );
  const { user } = renderApp('/edit/q164887');
  await screen.findByRole('tree', { name: 'Outline' }, { timeout: 5000 });

  const { getItem, setItem } = Storage.prototype;
  const touched: string[] = [];
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (
    this: Storage,
    key: string,
    value: string,
  ) {
    touched.push(`write ${key}`);
    setItem.call(this, key, value);
  });
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(function (this: Storage, key: string) {
    touched.push(`read ${key}`);
    return getItem.call(this, key);
  });

  await user.type(screen.getByRole('textbox', { name: 'Description' }), ' 0123456789');
  await waitFor(
    () =>
      expect(
        screen
          .getAllByRole('status')
          .some((status) => status.textContent?.startsWith('Saved in this browser')),
      ).toBe(true),
    { timeout: 10_000 },
  );
  expect(touched).toContain('write troubleshooter:draft:tree:q164887');
  // Another draft is never written, and its tree never read; its small note may be read once,
  // when the list of drafts first takes in the one being saved.
  expect(
    touched.filter((entry) => entry.startsWith('write') && entry.includes('new:other')),
  ).toEqual([]);
  expect(touched).not.toContain('read troubleshooter:draft:new:other');
  // The other draft is still there, as it was.
  expect(JSON.parse(getItem.call(localStorage, 'troubleshooter:draft:new:other') ?? '')).toEqual(
    other,
  );
});
