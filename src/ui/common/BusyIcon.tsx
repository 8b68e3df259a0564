/** A button's icon, or a spinner in its place while what the button started is under way. */
import { LoaderCircle, type LucideIcon } from 'lucide-react';

export function BusyIcon({
  busy,
  icon: Icon,
  size = 14,
}: {
  busy: boolean;
  icon: LucideIcon;
  size?: number;
}) {
  return busy ? (
    <LoaderCircle size={size} aria-hidden="true" className="spin" />
  ) : (
    <Icon size={size} aria-hidden="true" />
  );
}
