import { useFocusAfterCommit } from './focus-after-commit';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { toIdCharacters } from '../../engine/slugs';
import { moveItem } from '../../engine/tree-edits';
import { fieldId, useFieldProblems } from './field-problems';

/**
 * What each field tells the editor: its new value, and the field it was typed in (so that
 * a run of typing is one step to undo) and that typing there ended.
 */
export type FieldEvents = {
  onType: (path: string) => void;
  onLeave: () => void;
};

type TextFieldProps = FieldEvents & {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  multiline?: boolean;
  /** An id or slug: what is typed is kept to what an id may hold. */
  idLike?: boolean;
  optional?: boolean;
};

export function TextField({
  label,
  path,
  value,
  onChange,
  hint,
  multiline = false,
  idLike = false,
  optional = false,
  onType,
  onLeave,
}: TextFieldProps) {
  const { inputProps, message } = useFieldProblems(path);
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  const describedBy = [hintId, inputProps['aria-describedby']].filter(Boolean).join(' ');
  const props = {
    ...inputProps,
    'aria-describedby': describedBy || undefined,
    value,
    onBlur: onLeave,
    onChange: (event: { target: { value: string } }) => {
      onType(path);
      onChange(idLike ? toIdCharacters(event.target.value) : event.target.value);
    },
  };
  return (
    <div className="editor-field">
      <label htmlFor={inputProps.id}>
        {label}
        {optional ? <span className="editor-field__optional"> (optional)</span> : null}
      </label>
      {hint ? (
        <p className="editor-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={3} {...props} />
      ) : (
        <input type="text" spellCheck={!idLike} autoComplete="off" {...props} />
      )}
      {message}
    </div>
  );
}

type ListFieldProps = FieldEvents & {
  /** What one entry is called: "Paragraph", "Step". */
  itemLabel: string;
  /** The list's heading, e.g. "How do I check?". */
  label: string;
  path: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  hint?: string;
};

/** A list of paragraphs (help, a section's steps): add, remove and move each by button. */
export function ListField({
  itemLabel,
  label,
  path,
  items,
  onChange,
  hint,
  onType,
  onLeave,
}: ListFieldProps) {
  const { message } = useFieldProblems(path);
  const lower = itemLabel.toLowerCase();
  return (
    <fieldset className="editor-list">
      <legend>{label}</legend>
      {hint ? <p className="editor-field__hint">{hint}</p> : null}
      {items.length === 0 ? <p className="editor-field__hint">None yet.</p> : null}
      <ol className="editor-list__items">
        {items.map((item, index) => (
          <li key={index} className="editor-list__item">
            <TextField
              label={`${itemLabel} ${index + 1}`}
              path={`${path}[${index}]`}
              value={item}
              multiline
              onChange={(value) => onChange(items.map((old, at) => (at === index ? value : old)))}
              onType={onType}
              onLeave={onLeave}
            />
            <ItemButtons
              what={`${lower} ${index + 1}`}
              listPath={path}
              index={index}
              count={items.length}
              onMove={(delta) => onChange(moveItem(items, index, delta))}
              onRemove={() => onChange(items.filter((_, at) => at !== index))}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="editor-button"
        id={fieldId(path)}
        onClick={() => onChange([...items, ''])}
      >
        Add {lower}
      </button>
      {message}
    </fieldset>
  );
}

/** Focuses a control once the edit it started is on screen (FocusAfterCommit). */
export function useFocusSoon(): (id: string) => void {
  const focusAfterCommit = useFocusAfterCommit();
  return (id) => focusAfterCommit([id]);
}

/**
 * Move up, move down and remove for one entry of a list; each says which entry. After a
 * move, focus follows the entry to its new place, so pressing Move up again moves it
 * further. At the ends the buttons stay focusable (aria-disabled), so focus is not lost.
 */
export function ItemButtons({
  what,
  listPath,
  index,
  count,
  onMove,
  onRemove,
  removeLabel = 'Remove',
}: {
  what: string;
  /** The list's JSON path: the buttons' ids are made from it. */
  listPath: string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove?: (() => void) | undefined;
  removeLabel?: string;
}) {
  const focusSoon = useFocusSoon();
  // The space outside the hidden text: some name computations trim inside it.
  const hidden = (
    <>
      {' '}
      <span className="visually-hidden">{what}</span>
    </>
  );
  const buttonId = (at: number, direction: 'up' | 'down') =>
    `${fieldId(`${listPath}[${at}]`)}-${direction}`;
  const move = (delta: number) => {
    const to = index + delta;
    if (to < 0 || to >= count) return;
    onMove(delta);
    focusSoon(buttonId(to, delta < 0 ? 'up' : 'down'));
  };
  return (
    <Toolbar label={`Move or remove ${what}`}>
      <button
        type="button"
        id={buttonId(index, 'up')}
        className="editor-button"
        aria-disabled={index === 0 ? true : undefined}
        onClick={() => move(-1)}
      >
        Move up{hidden}
      </button>
      <button
        type="button"
        id={buttonId(index, 'down')}
        className="editor-button"
        aria-disabled={index === count - 1 ? true : undefined}
        onClick={() => move(1)}
      >
        Move down{hidden}
      </button>
      {onRemove ? (
        <button type="button" className="editor-button editor-button--danger" onClick={onRemove}>
          {removeLabel}
          {hidden}
        </button>
      ) : null}
    </Toolbar>
  );
}

/**
 * Buttons that belong together as one Tab stop, the ARIA toolbar pattern (a roving
 * tabindex): Tab passes the group, Left and Right (Home, End) move within it. A form of
 * many items is then a few Tab presses long rather than dozens. The button last focused
 * keeps the Tab stop, so focus sent to a button (after a move) is where Tab comes back to.
 */
export function Toolbar({ label, children }: { label: string; children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const buttons = () => [...(bar.current?.querySelectorAll('button') ?? [])];
  // The buttons are the children's own: their tabindex is set on them after each commit.
  useLayoutEffect(() => {
    const all = buttons();
    const stop = Math.min(current, all.length - 1);
    all.forEach((button, at) => {
      button.tabIndex = at === stop ? 0 : -1;
    });
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const all = buttons();
    const at = all.findIndex((button) => button === document.activeElement);
    if (at === -1) return;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % all.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + all.length) % all.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? all.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    all[to]?.focus();
  };
  return (
    <div
      ref={bar}
      role="toolbar"
      aria-label={label}
      className="editor-item-buttons"
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // The element focused inside the group (React types it as the group itself).
        const target: EventTarget = event.target;
        const at = buttons().indexOf(target as HTMLButtonElement);
        if (at !== -1) setCurrent(at);
      }}
    >
      {children}
    </div>
  );
}
