/** Selectors, defined once so components subscribe to exactly what they read. */
import type { Problem } from '../../../engine/pipeline/problems';
import type { EditorState } from './editor-store';

export const selectDoc = (s: EditorState) => s.doc;
export const selectSelection = (s: EditorState) => s.selection;
export const selectProblems = (s: EditorState) => s.problems;
export const selectCanUndo = (s: EditorState) => s.past.length > 0;
export const selectCanRedo = (s: EditorState) => s.future.length > 0;
export const selectTheme = (s: EditorState) => s.theme;
/** A derived array: subscribe with useShallow. */
export const selectErrors = (s: EditorState) => s.problems.filter((p) => p.severity === 'error');
export const selectApply = (s: EditorState) => s.apply;
export const selectSetPrefs = (s: EditorState) => s.setPrefs;
export const selectSnapToGrid = (s: EditorState) => s.snapToGrid;
export const selectPaletteOpen = (s: EditorState) => s.paletteOpen;
export const selectDragPositions = (s: EditorState) => s.dragPositions;
export const selectSizes = (s: EditorState) => s.sizes;
export const selectBottomOpen = (s: EditorState) => s.bottomOpen;
export const selectBottomTab = (s: EditorState) => s.bottomTab;
export const selectDockHeight = (s: EditorState) => s.dockHeight;
export const selectProjectId = (s: EditorState) => s.projectId;
export const selectDocName = (s: EditorState) => s.doc.name;
export const selectSaveStatus = (s: EditorState) => s.saveStatus;
export const selectStorageError = (s: EditorState) => s.storageError;

/** Problems by node uid and by edge id, errors first. */
export function problemsByTarget(problems: readonly Problem[]): {
  nodes: Map<string, Problem[]>;
  edges: Map<string, Problem[]>;
} {
  const nodes = new Map<string, Problem[]>();
  const edges = new Map<string, Problem[]>();
  const sorted = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  for (const p of sorted) {
    if (p.edgeId !== undefined) edges.set(p.edgeId, [...(edges.get(p.edgeId) ?? []), p]);
    else if (p.nodeUid !== undefined) nodes.set(p.nodeUid, [...(nodes.get(p.nodeUid) ?? []), p]);
  }
  return { nodes, edges };
}
