/**
 * Which canvas edges an operator subtask's input channel comes through. The engine numbers a
 * subtask's input channels input by input (one channel for a forward input, one per upstream
 * subtask otherwise), with keyBy and union resolved away as Flink does; this mirrors that
 * numbering over the pipeline document so a barrier received on a channel lights the edges
 * it crossed, including those into and out of a union or keyBy.
 */
import type { Partitioning, PipelineDocument } from '../../engine/pipeline/document';
import type { SessionOperator } from '../../worker/trace-batch';

/** One input of a physical operator: its channels and the document edges leading to it. */
export interface InputChannels {
  /** First channel of the input; it spans `count` channels. */
  base: number;
  count: number;
  /** Edge ids from the upstream physical operator to this one, through keyBy and union. */
  edges: string[];
}

const isVirtual = (kind: string) => kind === 'keyBy' || kind === 'union';

/** Per physical operator uid, its inputs in channel order. */
export function channelMap(
  doc: PipelineDocument,
  operators: readonly SessionOperator[],
): Map<string, InputChannels[]> {
  const nodes = new Map(doc.nodes.map((n) => [n.uid, n]));
  const parallelism = new Map(operators.map((o) => [o.uid, o.parallelism]));
  const incoming = (uid: string) => doc.edges.filter((e) => e.target === uid);
  interface Path {
    from: string;
    partitioning: Partitioning | undefined;
    keyed: boolean;
    edges: string[];
  }
  const resolve = (
    edge: PipelineDocument['edges'][number],
    partitioning: Partitioning | undefined,
    keyed: boolean,
    after: string[],
  ): Path[] => {
    const source = nodes.get(edge.source);
    const edges = [edge.id, ...after];
    const p = edge.partitioning ?? partitioning;
    if (source !== undefined && isVirtual(source.kind)) {
      const k = keyed || source.kind === 'keyBy';
      return incoming(source.uid).flatMap((e) => resolve(e, p, k, edges));
    }
    return [{ from: edge.source, partitioning: p, keyed, edges }];
  };
  const map = new Map<string, InputChannels[]>();
  for (const op of operators) {
    const node = nodes.get(op.uid);
    if (node === undefined || isVirtual(node.kind)) continue;
    let base = 0;
    const inputs: InputChannels[] = [];
    for (const e of incoming(op.uid)) {
      for (const path of resolve(e, undefined, false, [])) {
        const upstream = parallelism.get(path.from) ?? 1;
        const forward =
          !path.keyed &&
          node.kind !== 'windowAll' &&
          (path.partitioning ?? 'forward') === 'forward' &&
          upstream === op.parallelism;
        const count = forward ? 1 : upstream;
        inputs.push({ base, count, edges: path.edges });
        base += count;
      }
    }
    map.set(op.uid, inputs);
  }
  return map;
}
