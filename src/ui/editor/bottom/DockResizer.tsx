import type { KeyboardEvent, PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const DOCK_MIN = 120;
const STEP = 20;

/** The maximum dock height: most of the window, so the canvas never disappears. */
const dockMax = () => Math.round(window.innerHeight * 0.6);

export const clampDock = (height: number) => Math.min(Math.max(height, DOCK_MIN), dockMax());

/** The line above the dock: drag it, or focus it and use the arrow keys, to resize the dock. */
export function DockResizer({
  height,
  onResize,
}: {
  height: number;
  onResize(height: number): void;
}) {
  const { t } = useTranslation('editor');

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const startY = event.clientY;
    const move = (e: globalThis.PointerEvent) => onResize(clampDock(height + startY - e.clientY));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? STEP * 4 : STEP;
    if (event.key === 'ArrowUp') onResize(clampDock(height + step));
    else if (event.key === 'ArrowDown') onResize(clampDock(height - step));
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="dock__resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('bottom.resize')}
      aria-valuenow={height}
      aria-valuemin={DOCK_MIN}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
