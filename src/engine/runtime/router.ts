/**
 * Output routing between subtasks (Flink's RecordWriter + StreamPartitioner). Records go to
 * one target chosen by the partitioner; watermarks and idle status go to every target so
 * each downstream valve hears from every upstream channel.
 */
import type { Key } from '../keygroups';
import { assignToKeyGroup, normalizeKey, operatorIndexForKeyGroup } from '../keygroups';
import type { Output } from './operator';

/** The receiving side of a channel: an input of a downstream subtask. */
export interface InputGate {
  pushRecord(value: unknown, timestamp: number, key: Key, keyGroup: number): void;
  pushWatermark(channel: number, watermark: number): void;
  pushIdle(channel: number, idle: boolean): void;
  pushBarrier(channel: number, checkpointId: number): void;
}

export type KeySelector = (value: unknown) => unknown;

export type Partitioner =
  | { kind: 'forward' }
  | { kind: 'rebalance' }
  | { kind: 'broadcast' }
  | { kind: 'hash'; selector: KeySelector; maxParallelism: number };

/** One edge as seen from an upstream subtask: its targets and its channel on each. */
export interface OutgoingEdge {
  partitioner: Partitioner;
  targets: InputGate[];
  /** The channel index this upstream subtask has at each target. */
  channels: number[];
}

export class EdgeWriter {
  private nextRebalance: number;
  /** A hash partitioner, looked at before anything else: it routes every keyed record. */
  private readonly hash: Extract<Partitioner, { kind: 'hash' }> | null;
  /** For a hash partitioner: the target subtask of each key group, worked out once. */
  private readonly targetOfKeyGroup: readonly number[];

  constructor(
    private readonly edge: OutgoingEdge,
    subtaskIndex: number,
  ) {
    this.nextRebalance = subtaskIndex % edge.targets.length;
    const p = edge.partitioner;
    this.hash = p.kind === 'hash' ? p : null;
    this.targetOfKeyGroup =
      p.kind === 'hash'
        ? Array.from({ length: p.maxParallelism }, (_, kg) =>
            operatorIndexForKeyGroup(p.maxParallelism, edge.targets.length, kg),
          )
        : [];
  }

  writeRecord(value: unknown, timestamp: number, key: Key, keyGroup: number): void {
    const { partitioner, targets } = this.edge;
    const hash = this.hash;
    if (hash !== null) {
      const k = normalizeKey(hash.selector(value));
      const kg = assignToKeyGroup(k, hash.maxParallelism);
      targets[this.targetOfKeyGroup[kg]!]!.pushRecord(value, timestamp, k, kg);
      return;
    }
    switch (partitioner.kind) {
      case 'forward':
        targets[0]!.pushRecord(value, timestamp, key, keyGroup);
        return;
      case 'rebalance': {
        const i = this.nextRebalance;
        this.nextRebalance = (i + 1) % targets.length;
        targets[i]!.pushRecord(value, timestamp, key, keyGroup);
        return;
      }
      case 'broadcast':
        for (const t of targets) t.pushRecord(value, timestamp, key, keyGroup);
        return;
    }
  }

  writeWatermark(watermark: number): void {
    const { targets, channels } = this.edge;
    for (let i = 0; i < targets.length; i++) targets[i]!.pushWatermark(channels[i]!, watermark);
  }

  writeIdle(idle: boolean): void {
    const { targets, channels } = this.edge;
    for (let i = 0; i < targets.length; i++) targets[i]!.pushIdle(channels[i]!, idle);
  }

  /** Barriers go down every channel, like watermarks. */
  writeBarrier(checkpointId: number): void {
    const { targets, channels } = this.edge;
    for (let i = 0; i < targets.length; i++) targets[i]!.pushBarrier(channels[i]!, checkpointId);
  }
}

/** An operator subtask's Output: writers per port, plus counting and tracing hooks. */
export class RoutingOutput implements Output {
  recordsOut = 0;
  private readonly main: EdgeWriter[];
  private readonly all: EdgeWriter[];

  constructor(
    private readonly ports: ReadonlyMap<string, EdgeWriter[]>,
    /** Called for every record sent on the main output, when tracing is on. */
    private readonly onRecordOut: ((value: unknown, timestamp: number) => void) | null,
  ) {
    this.main = ports.get('out') ?? [];
    this.all = [...ports.values()].flat();
  }

  collect(value: unknown, timestamp: number): void {
    this.recordsOut++;
    if (this.onRecordOut !== null) this.onRecordOut(value, timestamp);
    const writers = this.main;
    for (let i = 0; i < writers.length; i++) {
      writers[i]!.writeRecord(value, timestamp, null, -1);
    }
  }

  collectSide(port: string, value: unknown, timestamp: number): void {
    const writers = this.ports.get(port);
    if (writers === undefined) return;
    for (const w of writers) w.writeRecord(value, timestamp, null, -1);
  }

  emitWatermark(watermark: number): void {
    for (const w of this.all) w.writeWatermark(watermark);
  }

  emitBarrier(checkpointId: number): void {
    for (const w of this.all) w.writeBarrier(checkpointId);
  }

  emitIdle(idle: boolean): void {
    for (const w of this.all) w.writeIdle(idle);
  }
}
