/**
 * The worker's notices to the watchdog, posted beside comlink's messages: how far a run got
 * (a mark per slice of work) and, while a replay looks for a hang, the operator it enters.
 */
export type WatchdogNotice =
  | { tidemarkWatchdog: 'mark'; records: number }
  | { tidemarkWatchdog: 'enter'; operatorUid: string };

export const watchdogNotice = {
  mark: (records: number): WatchdogNotice => ({ tidemarkWatchdog: 'mark', records }),
  enter: (operatorUid: string): WatchdogNotice => ({ tidemarkWatchdog: 'enter', operatorUid }),
};

export function isWatchdogNotice(data: unknown): data is WatchdogNotice {
  return typeof data === 'object' && data !== null && 'tidemarkWatchdog' in data;
}
