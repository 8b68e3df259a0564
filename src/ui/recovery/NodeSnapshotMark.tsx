/**
 * A brief ring around an operator node when its subtasks snapshot for a checkpoint: keyed by
 * the checkpoint, so the ring flashes again for each one.
 */
import { Camera } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { barrierSnapshot, useBarrierStore } from './barrier-store';

export function NodeSnapshotMark({ uid }: { uid: string }) {
  const { t } = useTranslation('recovery');
  const checkpoint = useBarrierStore(barrierSnapshot(uid));
  if (checkpoint === null) return null;
  const label = t('barriers.snapshot', { id: checkpoint });
  return (
    <span
      key={checkpoint}
      className="node-snapshot"
      data-testid="node-snapshot"
      data-checkpoint={checkpoint}
      title={label}
      aria-label={label}
    >
      <Camera size={11} aria-hidden="true" />
      {checkpoint}
    </span>
  );
}
