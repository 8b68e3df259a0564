/** The editor's keyboard shortcuts (listed in the help dialog). Delete is React Flow's own. */
import { useEffect } from 'react';
import { useEditor } from '../store/editor-store';
import type { Commands } from './use-commands';

const TEXT_INPUTS = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Typing in a field or the code editor keeps its own keys; so does an open dialog. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog[open]') !== null) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.closest('textarea, select, .cm-editor') !== null;
}

export function useShortcuts(commands: Commands, actions: { run(): void; help(): void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const handled = (() => {
        if (mod && key === 'z') return event.shiftKey ? commands.redo() : commands.undo();
        if (mod && key === 'y') return commands.redo();
        if (mod && key === 'c') return commands.copy() ? undefined : false;
        if (mod && key === 'v') return commands.paste();
        if (mod && key === 'd') return commands.duplicate();
        if (mod && key === 'a') return commands.selectAll();
        if (mod && key === 'enter') return actions.run();
        if (mod || event.altKey) return false;
        if (event.key === '?') return actions.help();
        if (event.shiftKey && key === 'f') return commands.fitView();
        if (event.shiftKey && key === 'l') return commands.autoLayout();
        if (key === 'escape') return useEditor.getState().select({ nodes: [], edges: [] });
        return false;
      })();
      if (handled !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, actions]);
}
