/**
 * From the pipeline document to the physical job: keyBy and union are virtual in Flink (a
 * partitioning of the next edge, and a merge of inputs), so they are resolved away here and
 * every remaining operator knows its inputs with their partitioning.
 */
import type {
  OperatorKind,
  Partitioning,
  PipelineDocument,
  PipelineNode,
} from '../pipeline/document';
import type { JsonValue } from '../pipeline/document';
import { withDefaults } from '../pipeline/params';
import { operatorMeta } from '../pipeline/registry';

export interface PlannedInput {
  from: string;
  port: string;
  partitioning: Partitioning | 'hash';
  /** The keyBy node whose key selector partitions this input. */
  keyBy?: PlannedKeyBy;
}

export interface PlannedKeyBy {
  uid: string;
  params: Record<string, JsonValue>;
}

export interface PlannedOperator {
  uid: string;
  kind: Exclude<OperatorKind, 'keyBy' | 'union'>;
  params: Record<string, JsonValue>;
  parallelism: number;
  inputs: PlannedInput[];
}

interface Resolved {
  from: string;
  port: string;
  partitioning: Partitioning | undefined;
  keyBy: PlannedKeyBy | undefined;
}

const isVirtual = (k: OperatorKind): k is 'keyBy' | 'union' => k === 'keyBy' || k === 'union';

/** Operators in topological order (upstream first), for a validated and acyclic pipeline. */
export function planJob(doc: PipelineDocument, defaultParallelism: number): PlannedOperator[] {
  const nodes = new Map(doc.nodes.map((n) => [n.uid, n]));
  const incoming = (uid: string) => doc.edges.filter((e) => e.target === uid);

  const parallelismOf = (n: PipelineNode): number => {
    // Flink forces windowAll and fromElements-style list sources (a TestStream too) to one subtask.
    if (n.kind === 'windowAll' || n.kind === 'source.list' || n.kind === 'source.script') return 1;
    return n.parallelism ?? defaultParallelism;
  };

  const resolve = (
    uid: string,
    port: string,
    partitioning: Partitioning | undefined,
    keyBy: PlannedKeyBy | undefined,
  ): Resolved[] => {
    const node = nodes.get(uid)!;
    if (node.kind === 'union' || node.kind === 'keyBy') {
      const key =
        node.kind === 'keyBy'
          ? { uid: node.uid, params: withDefaults(operatorMeta('keyBy').params, node.params) }
          : keyBy;
      return incoming(uid).flatMap((e) =>
        resolve(e.source, e.sourcePort ?? 'out', e.partitioning ?? partitioning, key),
      );
    }
    return [{ from: uid, port, partitioning, keyBy }];
  };

  const planned = new Map<string, PlannedOperator>();
  for (const node of doc.nodes) {
    if (isVirtual(node.kind)) continue;
    const parallelism = parallelismOf(node);
    const inputs = incoming(node.uid).flatMap((e) =>
      resolve(e.source, e.sourcePort ?? 'out', e.partitioning, undefined),
    );
    planned.set(node.uid, {
      uid: node.uid,
      kind: node.kind as PlannedOperator['kind'],
      params: withDefaults(operatorMeta(node.kind).params, node.params),
      parallelism,
      inputs: inputs.map((i) => {
        const upstream = parallelismOf(nodes.get(i.from)!);
        const partitioning: PlannedInput['partitioning'] =
          i.keyBy !== undefined || node.kind === 'windowAll'
            ? 'hash'
            : (i.partitioning ?? 'forward') === 'forward' && upstream !== parallelism
              ? 'rebalance'
              : (i.partitioning ?? 'forward');
        return { from: i.from, port: i.port, partitioning, ...(i.keyBy ? { keyBy: i.keyBy } : {}) };
      }),
    });
  }
  return topologicalOrder([...planned.values()]);
}

function topologicalOrder(ops: PlannedOperator[]): PlannedOperator[] {
  const byUid = new Map(ops.map((o) => [o.uid, o]));
  const done = new Set<string>();
  const out: PlannedOperator[] = [];
  const visit = (op: PlannedOperator) => {
    if (done.has(op.uid)) return;
    done.add(op.uid);
    for (const i of op.inputs) visit(byUid.get(i.from)!);
    out.push(op);
  };
  ops.forEach(visit);
  return out;
}
