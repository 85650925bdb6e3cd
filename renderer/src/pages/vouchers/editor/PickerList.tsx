import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

export interface PickerListProps<T> {
  id: string;
  items: readonly T[];
  active: number;
  render: (item: T) => ReactNode;
  itemKey: (item: T) => string;
  onPick: (index: number) => void;
  /** A last row that is not an option (e.g. 「新增科目」 while it is not available). */
  footer?: ReactNode;
  empty?: ReactNode;
  testId?: string;
  /** In the flow of the page (a dialog's list) rather than dropped down under a cell. */
  inline?: boolean;
}

/**
 * The dropdown under a grid cell. The cell's input keeps the focus and drives it (arrow keys, Enter,
 * Esc): this only shows the options, scrolls the active one into view and takes mouse picks.
 */
export function PickerList<T>(props: PickerListProps<T>) {
  const { id, items, active, render, itemKey, onPick, footer, empty, testId, inline } = props;
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const node = listRef.current?.querySelector<HTMLElement>(`[data-index="${String(active)}"]`);
    node?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul
      className={inline ? 'zxe-picker zxe-picker-inline' : 'zxe-picker'}
      role="listbox"
      id={id}
      ref={listRef}
      data-testid={testId}
    >
      {items.length === 0 && empty ? <li className="zxe-picker-footer">{empty}</li> : null}
      {items.map((item, index) => (
        <li
          key={itemKey(item)}
          id={`${id}-${String(index)}`}
          role="option"
          data-index={index}
          aria-selected={index === active}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(index);
          }}
        >
          {render(item)}
        </li>
      ))}
      {footer ? (
        <li className="zxe-picker-footer" aria-disabled="true">
          {footer}
        </li>
      ) : null}
    </ul>
  );
}
