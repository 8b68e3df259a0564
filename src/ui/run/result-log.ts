/**
 * What the sinks received during a run, and the late side output: append-only, grown in place
 * once per frame (a long run delivers far too many results to copy them on every batch).
 */
import type { SinkResult } from '../../engine/runtime/job';
import type { SideOutputRecord } from '../../worker/trace-batch';

/** Results held in all; a run past it keeps counting but stops holding them. */
export const MAX_HELD_RESULTS = 200_000;

export class ResultLog {
  private readonly bySink = new Map<string, SinkResult[]>();
  private readonly inOrder: SinkResult[] = [];
  readonly sideOutput: SideOutputRecord[] = [];
  /** Results received in all, held or not. */
  received = 0;
  private held = 0;
  private dropped = 0;

  add(results: readonly SinkResult[], sideOutput: readonly SideOutputRecord[]): void {
    for (const r of results) {
      this.received++;
      if (this.held >= MAX_HELD_RESULTS) {
        this.dropped++;
        continue;
      }
      this.held++;
      let rows = this.bySink.get(r.sink);
      if (rows === undefined) this.bySink.set(r.sink, (rows = []));
      rows.push(r);
      this.inOrder.push(r);
    }
    for (const s of sideOutput) {
      if (this.held >= MAX_HELD_RESULTS) {
        this.dropped++;
        continue;
      }
      this.held++;
      this.sideOutput.push(s);
    }
  }

  /** One sink's results in the order it received them. */
  of(sink: string): readonly SinkResult[] {
    return this.bySink.get(sink) ?? [];
  }

  /** Every held result in the order the sinks received them (as the CLI prints them). */
  all(): readonly SinkResult[] {
    return this.inOrder;
  }

  /** Whether results or late records were received that are not held. */
  get truncated(): boolean {
    return this.dropped > 0;
  }
}
