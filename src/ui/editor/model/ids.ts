/** Fresh, readable identities: "window-2", "e7". A uid is what savepoint state is matched by. */
import type { OperatorKind, PipelineDocument } from '../../../engine/pipeline/document';

/** "source.generator" -> "generator", "keyBy" -> "keyby". */
function uidStem(kind: OperatorKind): string {
  return (kind.split('.').at(-1) ?? kind).toLowerCase();
}

/** The first `<stem>-<n>` not in `taken`; the new uid is added to `taken`. */
export function freshUid(kind: OperatorKind, taken: Set<string>): string {
  const stem = uidStem(kind);
  for (let n = 1; ; n++) {
    const uid = `${stem}-${n}`;
    if (!taken.has(uid)) {
      taken.add(uid);
      return uid;
    }
  }
}

/** The first `e<n>` not in `taken`; the new id is added to `taken`. */
export function freshEdgeId(taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `e${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export const nodeUids = (doc: PipelineDocument): Set<string> =>
  new Set(doc.nodes.map((n) => n.uid));
export const edgeIds = (doc: PipelineDocument): Set<string> => new Set(doc.edges.map((e) => e.id));
