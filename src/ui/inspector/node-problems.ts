/** Sorting the validator's problems to where the inspector shows them. */
import type { Problem } from '../../engine/pipeline/problems';

export interface NodeProblems {
  /** Problems of a parameter the form shows, shown under that field. */
  byField: ReadonlyMap<string, readonly Problem[]>;
  /** The node's other problems (wiring, unknown or hidden parameters), shown above the form. */
  general: readonly Problem[];
}

/**
 * The problems of node `uid`. `fields` are the names with a field of their own (the shown
 * parameters and 'parallelism'); a problem of any other parameter would have nowhere to sit.
 */
export function nodeProblems(
  problems: readonly Problem[],
  uid: string,
  fields: ReadonlySet<string>,
): NodeProblems {
  const byField = new Map<string, Problem[]>();
  const general: Problem[] = [];
  for (const p of problems) {
    if (p.nodeUid !== uid) continue;
    if (p.param !== undefined && fields.has(p.param)) {
      byField.set(p.param, [...(byField.get(p.param) ?? []), p]);
    } else {
      general.push(p);
    }
  }
  return { byField, general };
}

/** The problems of edge `id` (some also name a node, which shows them too). */
export function edgeProblems(problems: readonly Problem[], id: string): Problem[] {
  return problems.filter((p) => p.edgeId === id);
}
