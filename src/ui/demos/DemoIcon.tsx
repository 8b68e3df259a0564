import {
  Clock,
  Database,
  GitMerge,
  Hourglass,
  Layers,
  PauseCircle,
  RotateCcw,
  Save,
  ShieldCheck,
  Split,
  Waves,
  type LucideIcon,
} from 'lucide-react';
import type { DemoIcon as DemoIconName } from './demo';

const ICONS: Record<DemoIconName, LucideIcon> = {
  clock: Clock,
  waves: Waves,
  hourglass: Hourglass,
  rotate: RotateCcw,
  layers: Layers,
  merge: GitMerge,
  pause: PauseCircle,
  split: Split,
  shield: ShieldCheck,
  save: Save,
  database: Database,
};

/** A demo's illustration on its card. */
export function DemoIcon({ name, size = 22 }: { name: DemoIconName; size?: number }) {
  const Icon = ICONS[name];
  return <Icon size={size} aria-hidden="true" />;
}
