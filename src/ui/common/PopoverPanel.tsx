/** The panel a popover's button opens: a labelled group on a raised card. */
import type { CSSProperties, ReactNode } from 'react';

export function PopoverPanel({
  id,
  className,
  style,
  label,
  children,
}: {
  /** The popover's panelId, which its button's aria-controls names. */
  id: string;
  className: string;
  /** Its place, when the popover places it beside the button. */
  style?: CSSProperties;
  label: string;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      className={`${className} popover-panel`}
      style={style}
      role="group"
      aria-label={label}
    >
      {children}
    </div>
  );
}
