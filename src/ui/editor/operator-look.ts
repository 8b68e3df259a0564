/** How an operator kind looks in the palette and on the canvas: icon, colour, message keys. */
import {
  Combine,
  Filter,
  KeyRound,
  ListOrdered,
  type LucideIcon,
  Shuffle,
  Sparkles,
  SquareDashedBottom,
  Split,
  Archive,
  Layers,
  ScrollText,
} from 'lucide-react';
import type { OperatorKind } from '../../engine/pipeline/document';
import type { OperatorCategory } from '../../engine/pipeline/registry';

export const operatorIcons: Record<OperatorKind, LucideIcon> = {
  'source.list': ListOrdered,
  'source.generator': Sparkles,
  'source.script': ScrollText,
  map: Shuffle,
  filter: Filter,
  flatMap: Split,
  keyBy: KeyRound,
  window: SquareDashedBottom,
  windowAll: Layers,
  union: Combine,
  sink: Archive,
};

export const categoryOrder: readonly OperatorCategory[] = [
  'source',
  'transform',
  'partition',
  'window',
  'sink',
];

/** The CSS variable holding a category's colour. */
export const categoryColour = (category: OperatorCategory) => `var(--cat-${category})`;

/** The MIME type a palette item carries while it is dragged onto the canvas. */
export const OPERATOR_DRAG_TYPE = 'application/x-tidemark-operator';

/** i18next separates keys at dots, so "source.list" becomes "source_list". */
export const operatorKey = (kind: OperatorKind) => `operators.${kind.replace('.', '_')}`;
