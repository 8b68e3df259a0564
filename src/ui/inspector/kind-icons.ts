/** One icon per operator kind, tinted by its category in the inspector header. */
import {
  ArrowRightLeft,
  Funnel,
  Inbox,
  KeyRound,
  Layers,
  ListOrdered,
  Merge,
  Sparkles,
  Timer,
  Globe,
  type LucideIcon,
} from 'lucide-react';
import type { OperatorKind } from '../../engine/pipeline/document';

export const KIND_ICONS: Record<OperatorKind, LucideIcon> = {
  'source.list': ListOrdered,
  'source.generator': Sparkles,
  map: ArrowRightLeft,
  filter: Funnel,
  flatMap: Layers,
  keyBy: KeyRound,
  window: Timer,
  windowAll: Globe,
  union: Merge,
  sink: Inbox,
};
