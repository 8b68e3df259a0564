/**
 * Editing commands shared by the keyboard, the toolbar, the palette and the context menu.
 * Each one turns an intent into a change object for the store, so every path is undoable.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { OperatorKind } from '../../../engine/pipeline/document';
import type { Position } from '../model/changes';
import { NODE_SIZE } from '../canvas/flow-model';
import { copySelection, pasteChange, type ClipboardContent } from '../model/clipboard';
import { layoutChange } from '../model/layout';
import { edgeIds, freshEdgeId, freshUid, nodeUids } from '../model/ids';
import { useEditor } from '../store/editor-store';

export const GRID = 20;

/** Below this zoom node text is hard to read, so revealing a node zooms in to it. */
const READABLE_ZOOM = 0.8;

/** Keeps fitted nodes clear of the minimap (160x110) and the zoom controls at the bottom. */
const FIT_PADDING = { top: '24px', x: '24px', bottom: '136px' } as const;

let clipboard: { content: ClipboardContent; pastes: number } | null = null;

const snap = (p: Position): Position => ({
  x: Math.round(p.x / GRID) * GRID,
  y: Math.round(p.y / GRID) * GRID,
});

export function useCommands() {
  const flow = useReactFlow();
  return useMemo(() => {
    const state = () => useEditor.getState();

    /** Adds an operator centred on a flow position, selects it and returns its uid. */
    function addOperator(kind: OperatorKind, at: Position): string {
      const { doc, apply, select } = state();
      const uid = freshUid(kind, nodeUids(doc));
      const position = snap({ x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 });
      apply({ type: 'addNodes', nodes: [{ uid, kind, params: {}, position }] });
      select({ nodes: [uid], edges: [] });
      return uid;
    }

    /** Adds an operator in the middle of the visible canvas, below any it would cover. */
    function addOperatorAtCentre(kind: OperatorKind) {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const centre = pane
        ? flow.screenToFlowPosition({ x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 })
        : { x: 0, y: 0 };
      const { doc, sizes } = state();
      const covers = (at: Position) =>
        doc.nodes.some((n) => {
          const size = sizes[n.uid] ?? NODE_SIZE;
          return (
            n.position !== undefined &&
            Math.abs(n.position.x - (at.x - NODE_SIZE.width / 2)) < size.width &&
            Math.abs(n.position.y - (at.y - NODE_SIZE.height / 2)) < size.height
          );
        });
      let at = centre;
      while (covers(at)) at = { x: at.x, y: at.y + NODE_SIZE.height + GRID };
      addOperator(kind, at);
    }

    /** Connects a node's output port to another node's input, as the canvas would. */
    function connect(source: string, port: string, target: string) {
      const { doc, apply } = state();
      apply({
        type: 'addEdge',
        edge: {
          id: freshEdgeId(edgeIds(doc)),
          source,
          ...(port === 'out' ? {} : { sourcePort: port }),
          target,
        },
      });
    }

    function deleteSelection() {
      const { selection, apply } = state();
      if (selection.nodes.length === 0 && selection.edges.length === 0) return;
      apply({
        type: 'batch',
        changes: [
          { type: 'removeEdges', ids: selection.edges },
          { type: 'removeNodes', uids: selection.nodes },
        ],
      });
    }

    function copy(): boolean {
      const { doc, selection } = state();
      const content = copySelection(doc, selection.nodes);
      if (content === null) return false;
      clipboard = { content, pastes: 0 };
      return true;
    }

    function paste() {
      if (clipboard === null) return;
      clipboard.pastes += 1;
      const { doc, apply, select } = state();
      const { change, uids } = pasteChange(doc, clipboard.content, clipboard.pastes);
      apply(change);
      select({ nodes: uids, edges: [] });
    }

    function duplicate() {
      if (copy()) paste();
    }

    function selectAll() {
      const { doc, select } = state();
      select({ nodes: doc.nodes.map((n) => n.uid), edges: doc.edges.map((e) => e.id) });
    }

    /**
     * Fits the pipeline in view, above the minimap and zoom controls in the bottom corners; an
     * empty one gets the plain 1:1 view.
     */
    function fitView() {
      if (state().doc.nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 });
      else void flow.fitView({ padding: FIT_PADDING, duration: 200, maxZoom: 1.25 });
    }

    /** Lays out the whole pipeline left to right, as one undo step, and fits it in view. */
    function autoLayout() {
      const { doc, sizes, apply } = state();
      apply(layoutChange(doc, sizes));
      // After React Flow has moved the nodes.
      requestAnimationFrame(fitView);
    }

    /** The centre of a node on the canvas, once React Flow has measured it. */
    function centreOf(uid: string): Position | null {
      const node = flow.getInternalNode(uid);
      if (node === undefined) return null;
      const { x, y } = node.internals.positionAbsolute;
      return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
    }

    /**
     * Selects a node or edge (from the problems list) and centres it, keeping the zoom unless
     * it is too far out to read.
     */
    function reveal(target: { nodeUid?: string; edgeId?: string }) {
      const { doc, select } = state();
      const edge = doc.edges.find((e) => e.id === target.edgeId);
      let centre: Position | null = null;
      if (edge !== undefined) {
        select({ nodes: [], edges: [edge.id] });
        const from = centreOf(edge.source);
        const to = centreOf(edge.target);
        centre = from && to ? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 } : (from ?? to);
      } else if (target.nodeUid !== undefined) {
        select({ nodes: [target.nodeUid], edges: [] });
        centre = centreOf(target.nodeUid);
      }
      if (centre !== null) {
        void flow.setCenter(centre.x, centre.y, {
          zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
          duration: 250,
        });
      }
    }

    return {
      addOperator,
      addOperatorAtCentre,
      connect,
      deleteSelection,
      copy,
      paste,
      duplicate,
      selectAll,
      fitView,
      autoLayout,
      reveal,
      undo: () => state().undo(),
      redo: () => state().redo(),
    };
  }, [flow]);
}

export type Commands = ReturnType<typeof useCommands>;
