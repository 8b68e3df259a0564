/** Checkpoints, failures, savepoints, the exactly-once proof and the state inspector. */
export { CheckpointSettings } from './CheckpointSettings';
export {
  RECOVERY_TABS,
  RecoveryTabLabel,
  RecoveryTabPanel,
  isRecoveryTab,
  type RecoveryTab,
} from './tabs';
export { connectRecovery } from './connect';
export { EdgeBarrier } from './EdgeBarrier';
export { NodeSnapshotMark } from './NodeSnapshotMark';
export { recoveryTestApi, type RecoveryTestApi } from './test-api';
export { restoreSavepoint } from './recovery-engine';
export { checkRestore, failJob, takeSavepoint } from './scripted';
