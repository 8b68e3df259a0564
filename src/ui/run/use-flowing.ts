/** Whether records flow now: the canvas animates its edges while a run plays. */
import { useRunStore } from './store/run-store';
import { selectFlowing } from './store/selectors';

export function useFlowing(): boolean {
  return useRunStore(selectFlowing);
}
