/**
 * What a session learns from the job's plan before it runs: the operators and their subtask
 * lanes, the sinks, how many records the sources hold, and how to key a sent record.
 */
import { normalizeKey } from '../engine/keygroups';
import type { Key } from '../engine/keygroups';
import { keySelector } from '../engine/operators/factory';
import type { JsonValue, PipelineDocument } from '../engine/pipeline/document';
import type { PlannedOperator } from '../engine/runtime/plan';
import { scriptRecordCount } from '../engine/sources/script-supplier';
import type { SessionInfo, SessionOperator } from './trace-batch';
import type { RecordKeyOf } from './trace-encoder';

export function sessionInfo(doc: PipelineDocument, plan: PlannedOperator[]): SessionInfo {
  const labels = new Map(doc.nodes.map((n) => [n.uid, n.label ?? n.uid]));
  let lanes = 0;
  const operators: SessionOperator[] = plan.map((op) => {
    const entry = {
      uid: op.uid,
      kind: op.kind,
      label: labels.get(op.uid) ?? op.uid,
      parallelism: op.parallelism,
      firstLane: lanes,
    };
    lanes += op.parallelism;
    return entry;
  });
  const sinks = plan
    .filter((op) => op.kind === 'sink')
    .map((op) => ({
      uid: op.uid,
      lateOutputOf: op.inputs.find((i) => i.port === 'late')?.from ?? null,
    }));
  return { operators, sinks, recordsTotal: recordsTotal(plan), lanes };
}

/** Records every source will emit, when every one of them is bounded. */
function recordsTotal(plan: PlannedOperator[]): number | null {
  let total = 0;
  for (const op of plan) {
    if (op.kind === 'source.list') total += (op.params.records as unknown[]).length;
    else if (op.kind === 'source.script')
      total += scriptRecordCount(op.params.steps as JsonValue[]);
    else if (op.kind === 'source.generator') {
      if (op.params.count === null) return null;
      total += op.params.count as number;
    }
  }
  return total;
}

/**
 * Keys of record events: a window's input by its keyBy, its output by the result's key. The
 * key selector runs again for the records that are sent (only those): the engine does not
 * trace keys, and a selector is a pure function of the record.
 */
export function recordKeys(plan: PlannedOperator[]): RecordKeyOf {
  const selectors = plan.map((op) => {
    if (op.kind !== 'window') return null;
    const keyBy = op.inputs.find((i) => i.keyBy !== undefined)?.keyBy;
    return keyBy === undefined ? null : keySelector(keyBy.uid, keyBy.params);
  });
  return (op, dir, value): Key | undefined => {
    const selector = selectors[op];
    if (selector === null || selector === undefined) return undefined;
    try {
      if (dir === 'in') return normalizeKey(selector(value));
      return (value as { key: Key }).key;
    } catch {
      return undefined;
    }
  };
}
