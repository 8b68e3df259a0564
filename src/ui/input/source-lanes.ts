/** Which list sources get a lane and which scripts a step editor, and which fields hold the times and the key. */
import type { JsonValue, PipelineDocument, PipelineNode } from '../../engine/pipeline/document';
import type { InputRecord } from './records-io';

export interface LaneSource {
  node: PipelineNode;
  records: InputRecord[];
  timestampField: string;
  arrivalField: string;
  /** The field the first downstream KeyBy keys by, when it keys by a field. */
  keyField: string | undefined;
}

const text = (value: unknown, fallback: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;

function downstreamKeyField(doc: PipelineDocument, uid: string): string | undefined {
  const seen = new Set([uid]);
  const queue = [uid];
  while (queue.length > 0) {
    const from = queue.shift();
    for (const edge of doc.edges.filter((e) => e.source === from)) {
      const target = doc.nodes.find((n) => n.uid === edge.target);
      if (target === undefined || seen.has(target.uid)) continue;
      if (target.kind === 'keyBy') {
        return target.params.mode === 'code' ? undefined : text(target.params.field, 'key');
      }
      seen.add(target.uid);
      queue.push(target.uid);
    }
  }
  return undefined;
}

export function laneSources(doc: PipelineDocument): LaneSource[] {
  return doc.nodes
    .filter((n) => n.kind === 'source.list')
    .map((node) => ({
      node,
      records: Array.isArray(node.params.records)
        ? (node.params.records.filter(
            (r) => typeof r === 'object' && r !== null && !Array.isArray(r),
          ) as InputRecord[])
        : [],
      timestampField: text(node.params.timestampField, 'ts'),
      arrivalField: text(node.params.arrivalField, 'at'),
      keyField: downstreamKeyField(doc, node.uid),
    }));
}

/** A scripted input's steps and the fields the step editor reads. */
export interface ScriptSource {
  node: PipelineNode;
  steps: JsonValue[];
  timestampField: string;
  keyField: string | undefined;
}

export function scriptSources(doc: PipelineDocument): ScriptSource[] {
  return doc.nodes
    .filter((n) => n.kind === 'source.script')
    .map((node) => ({
      node,
      steps: Array.isArray(node.params.steps) ? node.params.steps : [],
      timestampField: text(node.params.timestampField, 'ts'),
      keyField: downstreamKeyField(doc, node.uid),
    }));
}

const time = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** A record's event time and arrival time; a record without an arrival arrives at its event time. */
export function recordTimes(source: LaneSource, record: InputRecord): { ts: number; at: number } {
  const ts = time(record[source.timestampField]) ?? 0;
  return { ts, at: time(record[source.arrivalField]) ?? ts };
}
