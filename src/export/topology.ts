/**
 * The document as the exporters walk it: nodes with their parameters' defaults filled in, in
 * an order where every node comes after its inputs. Nodes that cannot run (unknown kinds, no
 * input, part of a cycle or fed only by such nodes) are set aside, so a half-drawn pipeline
 * still exports what it can.
 */
import type {
  JsonValue,
  OperatorKind,
  Partitioning,
  PipelineDocument,
} from '../engine/pipeline/document';
import { withDefaults } from '../engine/pipeline/params';
import { operatorRegistry } from '../engine/pipeline/registry';
import { commentText } from './names';

export interface NodeInput {
  from: string;
  /** 'out', or 'late' for a window's late-data side output. */
  port: string;
  partitioning: Partitioning | undefined;
}

export interface ExportNode {
  uid: string;
  kind: OperatorKind;
  /** The user's label, or the kind's. */
  label: string;
  /** The operator kind's label, as in the palette. */
  kindLabel: string;
  params: Record<string, JsonValue>;
  parallelism: number | undefined;
  inputs: NodeInput[];
}

export interface Topology {
  /** Exportable nodes, each after all of its inputs. */
  ordered: ExportNode[];
  /** Nodes left out, and why. */
  skipped: { uid: string; why: string }[];
  /** The nodes reading a node's port. */
  consumers(uid: string, port: string): ExportNode[];
}

export function topologyOf(doc: PipelineDocument): Topology {
  const nodes = new Map<string, ExportNode>();
  const skipped: { uid: string; why: string }[] = [];
  for (const node of doc.nodes) {
    const meta = operatorRegistry.get(node.kind);
    if (meta === undefined) {
      skipped.push({ uid: node.uid, why: `unknown operator kind "${String(node.kind)}"` });
      continue;
    }
    if (nodes.has(node.uid)) continue;
    nodes.set(node.uid, {
      uid: node.uid,
      kind: node.kind,
      label: node.label ?? meta.label,
      kindLabel: meta.label,
      params: withDefaults(meta.params, node.params),
      parallelism: node.parallelism,
      inputs: [],
    });
  }
  for (const edge of doc.edges) {
    const target = nodes.get(edge.target);
    if (target === undefined || !nodes.has(edge.source)) continue;
    target.inputs.push({
      from: edge.source,
      port: edge.sourcePort ?? 'out',
      partitioning: edge.partitioning,
    });
  }

  const ordered: ExportNode[] = [];
  const placed = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const node of nodes.values()) {
      if (placed.has(node.uid)) continue;
      const isSource = operatorRegistry.get(node.kind)?.inputs === 'none';
      const ready =
        isSource || (node.inputs.length > 0 && node.inputs.every((i) => placed.has(i.from)));
      if (!ready) continue;
      ordered.push(node);
      placed.add(node.uid);
      progress = true;
    }
  }
  for (const node of nodes.values()) {
    if (!placed.has(node.uid)) {
      skipped.push({
        uid: node.uid,
        why:
          node.inputs.length === 0
            ? 'it has no input'
            : 'it is part of a cycle or fed by an operator that cannot be exported',
      });
    }
  }

  return {
    ordered,
    skipped,
    consumers: (uid, port) =>
      ordered.filter((n) => n.inputs.some((i) => i.from === uid && i.port === port)),
  };
}

/** Typed reads of parameters the registry already defaulted. */
export const param = {
  str: (node: ExportNode, name: string): string => String(node.params[name] ?? ''),
  num: (node: ExportNode, name: string): number => Number(node.params[name] ?? 0),
  numOrNull: (node: ExportNode, name: string): number | null => {
    const v = node.params[name];
    return typeof v === 'number' ? v : null;
  },
  bool: (node: ExportNode, name: string): boolean => node.params[name] === true,
};

/** `Map "double"`, with the user's label when it differs from the kind's. */
export function heading(node: ExportNode): string {
  const label = node.label === node.kindLabel ? '' : ` (${commentText(node.label)})`;
  return `${node.kindLabel} "${commentText(node.uid)}"${label}`;
}
