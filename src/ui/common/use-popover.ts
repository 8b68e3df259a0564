/**
 * A button that opens a small panel beside it (a menu, a group of settings): open and closed
 * state, the ids that tie the two together, closing on a press outside or on Escape with focus
 * going back to the button, and optionally a fixed place beside the button.
 */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';

/** Where the panel opens, measured from its button when it opens. */
export type PopoverPlacement = (button: HTMLElement) => CSSProperties;

export interface Popover {
  open: boolean;
  /** The panel's id, for the button's aria-controls. */
  panelId: string;
  /** The panel's style: its place when a placement was given. */
  style: CSSProperties;
  /** The button's click: opens (placing the panel beside it) or closes. */
  toggle(): void;
  close(): void;
  /** For the element around the button and the panel: what is inside it is not "outside". */
  rootRef: RefObject<HTMLDivElement | null>;
  /** The root's keydown: Escape closes the panel. */
  onKeyDown(event: KeyboardEvent): void;
  /** For the button: it places the panel and takes the focus back on Escape. */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

export function usePopover(placement?: PopoverPlacement): Popover {
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({});
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => !rootRef.current?.contains(event.target as Node);
    const onPointerDown = (event: PointerEvent) => {
      if (outside(event)) setOpen(false);
    };
    // Escape with the focus elsewhere (a field that was disabled under it leaves it on the body).
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && outside(event)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return {
    open,
    panelId,
    style,
    toggle() {
      if (!open && placement && buttonRef.current) setStyle(placement(buttonRef.current));
      setOpen(!open);
    },
    close: () => setOpen(false),
    rootRef,
    onKeyDown(event) {
      if (event.key !== 'Escape' || !open) return;
      // Only this panel closes, not a dialog or view around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    },
    buttonRef,
  };
}

/**
 * Fixed to the viewport, so a scrolling panel or dialog does not clip it, with its right edge
 * under the button's; below the button unless there is more room above, by more than `bias`.
 */
export function besideButton(bias = 0): PopoverPlacement {
  return (button) => {
    const rect = button.getBoundingClientRect();
    const right = window.innerWidth - rect.right;
    return rect.top > window.innerHeight - rect.bottom + bias
      ? { right, bottom: window.innerHeight - rect.top + 6 }
      : { right, top: rect.bottom + 6 };
  };
}
