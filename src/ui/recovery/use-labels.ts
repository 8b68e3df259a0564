/** An operator's label by uid, from the running session (its uid when it has none). */
import { useCallback } from 'react';
import { selectInfo, useRunStore } from '../run';

export function useLabels(): (uid: string) => string {
  const info = useRunStore(selectInfo);
  return useCallback(
    (uid: string) => info?.operators.find((o) => o.uid === uid)?.label ?? uid,
    [info],
  );
}
