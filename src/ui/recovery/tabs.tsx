/** The recovery tabs of the bottom area: their ids, labels and panels (loaded on first use). */
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { lazyPart } from '../common/lazy-part';

// Each tab's panel loads when the tab is first opened; the editor opens on the Problems tab.
const CheckpointsPanel = lazyPart(() =>
  import('./CheckpointsPanel').then((m) => m.CheckpointsPanel),
);
const SavepointsPanel = lazyPart(() => import('./SavepointsPanel').then((m) => m.SavepointsPanel));
const ProofPanel = lazyPart(() => import('./ProofPanel').then((m) => m.ProofPanel));
const StatePanel = lazyPart(() => import('./StatePanel').then((m) => m.StatePanel));

export const RECOVERY_TABS = ['checkpoints', 'savepoints', 'proof', 'state'] as const;
export type RecoveryTab = (typeof RECOVERY_TABS)[number];

export const isRecoveryTab = (tab: string): tab is RecoveryTab =>
  (RECOVERY_TABS as readonly string[]).includes(tab);

export function RecoveryTabLabel({ tab }: { tab: RecoveryTab }) {
  const { t } = useTranslation('recovery');
  return <>{t(`tabs.${tab}`)}</>;
}

export function RecoveryTabPanel({ tab, doc }: { tab: RecoveryTab; doc: PipelineDocument }) {
  switch (tab) {
    case 'checkpoints':
      return <CheckpointsPanel />;
    case 'savepoints':
      return <SavepointsPanel doc={doc} />;
    case 'proof':
      return <ProofPanel doc={doc} />;
    case 'state':
      return <StatePanel />;
  }
}
