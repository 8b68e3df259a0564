import {
  ClipboardPaste,
  Copy,
  CopyPlus,
  LayoutGrid,
  Maximize,
  SquareMousePointer,
  Trash2,
  type LucideIcon,
} from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commands } from '../hooks/use-commands';

export interface ContextTarget {
  kind: 'node' | 'edge' | 'pane';
  x: number;
  y: number;
}

interface Item {
  id: string;
  icon: LucideIcon;
  run(): void;
  shortcut?: string;
  danger?: boolean;
}

/** The canvas's right-click menu; arrow keys move between items, Escape closes it. */
export function ContextMenu({
  target,
  commands,
  onClose,
}: {
  target: ContextTarget;
  commands: Commands;
  onClose(): void;
}) {
  const { t } = useTranslation('editor');
  const menu = useRef<HTMLDivElement>(null);
  const items: Item[] =
    target.kind === 'node'
      ? [
          { id: 'duplicate', icon: CopyPlus, run: commands.duplicate, shortcut: 'Ctrl+D' },
          { id: 'copy', icon: Copy, run: () => void commands.copy(), shortcut: 'Ctrl+C' },
          {
            id: 'delete',
            icon: Trash2,
            run: commands.deleteSelection,
            shortcut: 'Del',
            danger: true,
          },
        ]
      : target.kind === 'edge'
        ? [
            {
              id: 'delete',
              icon: Trash2,
              run: commands.deleteSelection,
              shortcut: 'Del',
              danger: true,
            },
          ]
        : [
            { id: 'paste', icon: ClipboardPaste, run: commands.paste, shortcut: 'Ctrl+V' },
            {
              id: 'selectAll',
              icon: SquareMousePointer,
              run: commands.selectAll,
              shortcut: 'Ctrl+A',
            },
            { id: 'autoLayout', icon: LayoutGrid, run: commands.autoLayout, shortcut: 'Shift+L' },
            { id: 'fitView', icon: Maximize, run: commands.fitView, shortcut: 'Shift+F' },
          ];

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={t('contextMenu.label')}
      style={{ left: target.x, top: target.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map(({ id, icon: Icon, run, shortcut, danger }) => (
        <button
          key={id}
          type="button"
          role="menuitem"
          className={`context-menu__item${danger ? ' context-menu__item--danger' : ''}`}
          onClick={() => {
            onClose();
            run();
          }}
        >
          <Icon size={14} aria-hidden="true" />
          <span>{t(`contextMenu.${id}`)}</span>
          {shortcut && <kbd>{shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
