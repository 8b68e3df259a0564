import {
  Cable,
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
import { connectionOptions } from '../model/connect';
import { operatorKey } from '../operator-look';
import { useEditor } from '../store/editor-store';

export interface ContextTarget {
  kind: 'node' | 'edge' | 'pane';
  x: number;
  y: number;
}

interface Item {
  id: string;
  label: string;
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
  const item = (id: string, icon: LucideIcon, run: () => void, shortcut?: string): Item => ({
    id,
    label: t(`contextMenu.${id}`),
    icon,
    run,
    ...(shortcut === undefined ? {} : { shortcut }),
  });
  const remove = { ...item('delete', Trash2, commands.deleteSelection, 'Del'), danger: true };
  const items: Item[] =
    target.kind === 'node'
      ? [
          item('duplicate', CopyPlus, commands.duplicate, 'Ctrl+D'),
          item('copy', Copy, () => void commands.copy(), 'Ctrl+C'),
          remove,
          ...connectItems(),
        ]
      : target.kind === 'edge'
        ? [remove]
        : [
            item('paste', ClipboardPaste, commands.paste, 'Ctrl+V'),
            item('selectAll', SquareMousePointer, commands.selectAll, 'Ctrl+A'),
            item('autoLayout', LayoutGrid, commands.autoLayout, 'Shift+L'),
            item('fitView', Maximize, commands.fitView, 'Shift+F'),
          ];

  /** With one node selected: connect it from the keyboard, port by port. */
  function connectItems(): Item[] {
    const { doc, selection } = useEditor.getState();
    const [source] = selection.nodes;
    if (selection.nodes.length !== 1 || source === undefined) return [];
    return connectionOptions(doc, source).map(({ port, target: node }) => ({
      id: `connect-${port}-${node.uid}`,
      label: t('contextMenu.connect', {
        port: t(`ports.${port}`),
        target: node.label || `${t(`${operatorKey(node.kind)}.label`)} ${node.uid}`,
      }),
      icon: Cable,
      run: () => commands.connect(source, port, node.uid),
    }));
  }

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
      {items.map(({ id, label, icon: Icon, run, shortcut, danger }) => (
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
          <span>{label}</span>
          {shortcut && <kbd>{shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
