/** Whether records flow now: the canvas animates its edges while a run plays. */
import { useRun } from './store/run-store';
import { selectFlowing } from './store/selectors';

export function useFlowing(): boolean {
  return useRun(selectFlowing);
}
