/** A button that shows only an icon: its label is what screen readers say and the tooltip. */
import type { ReactNode } from 'react';

export function IconButton({
  label,
  shortcut,
  onClick,
  disabled = false,
  testId,
  children,
}: {
  label: string;
  /** The key that does the same, named in the tooltip. */
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
