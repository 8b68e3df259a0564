/**
 * The shape of pipeline that conformance scenarios and most engine tests run: list sources
 * (joined by a union when there are several) -> operators -> keyBy -> window -> a 'results'
 * sink, plus a 'late' sink on the window's late port when it has late output.
 */
import { PIPELINE_VERSION } from '../pipeline/document';
import type { JsonValue, PipelineDocument, PipelineEdge, PipelineNode } from '../pipeline/document';

export interface LinearPipeline {
  name: string;
  /** Per source name its list-source parameters; the node's uid is `source-<name>`. */
  sources: Record<string, Record<string, JsonValue>>;
  /** Operators between the sources and the keyBy. */
  middle?: PipelineNode[];
  /** The field to key by; null for a windowAll. */
  keyBy: string | null;
  window: Record<string, JsonValue>;
  /** Of the window and the results sink. */
  parallelism?: number;
}

export function linearPipeline(spec: LinearPipeline): PipelineDocument {
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  const link = (source: string, target: string, sourcePort?: string) =>
    edges.push({
      id: `${source}-${sourcePort ?? 'out'}-${target}`,
      source,
      target,
      ...(sourcePort ? { sourcePort } : {}),
    });
  for (const [name, params] of Object.entries(spec.sources)) {
    nodes.push({ uid: `source-${name}`, kind: 'source.list', params });
  }
  let tail = nodes.map((n) => n.uid);
  const chain = (node: PipelineNode) => {
    nodes.push(node);
    for (const t of tail) link(t, node.uid);
    tail = [node.uid];
  };
  if (tail.length > 1) chain({ uid: 'union', kind: 'union', params: {} });
  for (const node of spec.middle ?? []) chain(node);
  if (spec.keyBy !== null) {
    chain({ uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: spec.keyBy } });
  }
  const parallelism = spec.parallelism ?? 1;
  chain({
    uid: 'window',
    kind: spec.keyBy === null ? 'windowAll' : 'window',
    parallelism,
    params: spec.window,
  });
  chain({ uid: 'results', kind: 'sink', parallelism, params: { name: 'results' } });
  if (spec.window.lateOutput === true) {
    nodes.push({ uid: 'late', kind: 'sink', params: { name: 'late' } });
    link('window', 'late', 'late');
  }
  return { version: PIPELINE_VERSION, name: spec.name, nodes, edges };
}
