/** How the state inspector writes a namespace and reads a key typed into its filter. */
import type { Key } from '../../engine/keygroups';
import type { NamespaceView } from '../../worker/recovery-types';

/** A window as [start, end); the global window and per-key state by the words given. */
export function showNamespace(ns: NamespaceView, words: { global: string; none: string }): string {
  switch (ns.kind) {
    case 'void':
      return words.none;
    case 'window':
      return `[${ns.start}, ${ns.end})`;
    case 'global':
      return words.global;
    case 'other':
      return String(ns.id);
  }
}

/**
 * A key as typed: numbers, true/false and null as those values (keys keep their type), anything
 * else as text; empty means no key filter.
 */
export function parseKey(text: string): Key | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed === 'null') return null;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const n = Number(trimmed);
  return Number.isFinite(n) && /^-?\d/.test(trimmed) ? n : trimmed;
}
