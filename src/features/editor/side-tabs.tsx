import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type SideTab = { id: string; label: string; content: ReactNode };

/**
 * The ARIA tabs pattern beside the form: one tab stop, the arrow keys (and Home, End) move
 * between tabs and show each. The panel is focusable, so "Preview from here" can move
 * focus into it.
 */
export function SideTabs({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: SideTab[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    const tab = tabs[to];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0];
  return (
    <div className="editor-tabs">
      <div role="tablist" aria-label={label} ref={list} className="editor-tabs__list">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            className="editor-tabs__tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current ? (
        <div
          role="tabpanel"
          id={`panel-${current.id}`}
          aria-labelledby={`tab-${current.id}`}
          // Focusable, as the ARIA tabs pattern has it: a panel may start with text.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          className="editor-tabs__panel"
        >
          {current.content}
        </div>
      ) : null}
    </div>
  );
}
