import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
  type OnNodeDrag,
  type OnReconnect,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Grid3x3 } from 'lucide-react';
import { useCallback, useMemo, useState, type DragEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorKind, PipelineNode } from '../../../engine/pipeline/document';
import { operatorRegistry } from '../../../engine/pipeline/registry';
import { useProblemText } from '../../i18n/problem-text';
import { GRID, type Commands } from '../hooks/use-commands';
import type { Position } from '../model/changes';
import { useEditor } from '../store/editor-store';
import {
  problemsByTarget,
  selectDoc,
  selectDragPositions,
  selectProblems,
  selectSelection,
  selectSetPrefs,
  selectSizes,
  selectSnapToGrid,
} from '../store/selectors';
import { ContextMenu, type ContextTarget } from './ContextMenu';
import {
  toFlowEdges,
  toFlowNodes,
  type OperatorFlowNode,
  type PipelineFlowEdge,
} from './flow-model';
import { GridBackground, PIPELINE_FLOW, useNodeWords } from './flow-setup';
import { OPERATOR_DRAG_TYPE } from '../operator-look';
import './canvas.css';

const snapGrid: [number, number] = [GRID, GRID];
const DELETE_KEYS = ['Delete', 'Backspace'];

export function Canvas({
  commands,
  colorMode,
  onDropFile,
}: {
  commands: Commands;
  colorMode: 'light' | 'dark';
  /** A pipeline file dropped on the canvas: imported like one picked with Import. */
  onDropFile(file: File): void;
}) {
  const { t } = useTranslation('editor');
  const problemText = useProblemText();
  const flow = useReactFlow();
  const doc = useEditor(selectDoc);
  const selection = useEditor(selectSelection);
  const problems = useEditor(selectProblems);
  const dragPositions = useEditor(selectDragPositions);
  const sizes = useEditor(selectSizes);
  const snapToGrid = useEditor(selectSnapToGrid);
  const setPrefs = useEditor(selectSetPrefs);
  const [menu, setMenu] = useState<ContextTarget | null>(null);

  const byTarget = useMemo(() => problemsByTarget(problems), [problems]);
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11y.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeDescriptionKeyboard'),
      'node.a11yDescription.ariaLiveMessage': (moved: {
        direction: string;
        x: number;
        y: number;
      }) => t('canvas.a11y.nodeMoved', moved),
      'edge.a11yDescription.default': t('canvas.a11y.edgeDescription'),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('toolbar.fitView'),
      'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.a11y.handle'),
    }),
    [t],
  );
  // Kept apart from the nodes' memo so it survives drags, and with it each node's cached object.
  const words = useNodeWords();
  const describeNode = useCallback(
    (node: PipelineNode) =>
      [...words(node), ...(byTarget.nodes.get(node.uid) ?? []).map(problemText)].join(', '),
    [byTarget, words, problemText],
  );
  const nodes = useMemo(
    () => toFlowNodes(doc, selection, dragPositions, sizes, byTarget.nodes, describeNode),
    [doc, selection, dragPositions, sizes, byTarget, describeNode],
  );
  const edges = useMemo(
    () => toFlowEdges(doc, selection, byTarget.edges),
    [doc, selection, byTarget],
  );

  const onNodesChange = useCallback((changes: NodeChange<OperatorFlowNode>[]) => {
    const state = useEditor.getState();
    const selected = new Set(state.selection.nodes);
    let selectionChanged = false;
    const dragged: Record<string, Position> = {};
    const nudged: Record<string, Position> = {};
    const measured: Record<string, { width: number; height: number }> = {};
    for (const change of changes) {
      if (change.type === 'select') {
        selectionChanged = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      } else if (change.type === 'position' && change.position) {
        // A drag is committed when it stops; arrow keys move selected nodes in one step.
        if (change.dragging) dragged[change.id] = change.position;
        else if (state.dragPositions[change.id] === undefined) nudged[change.id] = change.position;
      } else if (change.type === 'dimensions' && change.dimensions) {
        measured[change.id] = change.dimensions;
      }
    }
    if (selectionChanged) state.select({ nodes: [...selected], edges: state.selection.edges });
    if (Object.keys(dragged).length > 0) {
      state.setDragPositions({ ...state.dragPositions, ...dragged });
    }
    if (Object.keys(measured).length > 0) state.setSizes(measured);
    if (Object.keys(nudged).length > 0) state.apply({ type: 'moveNodes', positions: nudged });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<PipelineFlowEdge>[]) => {
    const state = useEditor.getState();
    const selected = new Set(state.selection.edges);
    let selectionChanged = false;
    for (const change of changes) {
      if (change.type === 'select') {
        selectionChanged = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
    }
    if (selectionChanged) state.select({ nodes: state.selection.nodes, edges: [...selected] });
  }, []);

  // A drag is one undo step: positions are committed when it ends.
  const onNodeDragStop: OnNodeDrag<OperatorFlowNode> = useCallback((_event, _node, dragged) => {
    const state = useEditor.getState();
    const positions: Record<string, Position> = {};
    for (const n of dragged) positions[n.id] = state.dragPositions[n.id] ?? n.position;
    state.setDragPositions({});
    state.apply({ type: 'moveNodes', positions });
  }, []);

  const onConnect = useCallback(
    (connection: Connection) =>
      commands.connect(connection.source, connection.sourceHandle ?? 'out', connection.target),
    [commands],
  );

  const isValidConnection: IsValidConnection<PipelineFlowEdge> = useCallback((connection) => {
    if (connection.source === connection.target) return false;
    const port = connection.sourceHandle ?? 'out';
    return !useEditor
      .getState()
      .doc.edges.some(
        (e) =>
          e.source === connection.source &&
          e.target === connection.target &&
          (e.sourcePort ?? 'out') === port,
      );
  }, []);

  const onReconnect: OnReconnect<PipelineFlowEdge> = useCallback((old, connection) => {
    const port = connection.sourceHandle ?? 'out';
    useEditor.getState().apply({
      type: 'updateEdge',
      id: old.id,
      patch: {
        source: connection.source,
        target: connection.target,
        sourcePort: port === 'out' ? null : port,
      },
    });
  }, []);

  const onDelete: OnDelete<OperatorFlowNode, PipelineFlowEdge> = useCallback(
    ({ nodes: gone, edges: goneEdges }) => {
      useEditor.getState().apply({
        type: 'batch',
        changes: [
          { type: 'removeEdges', ids: goneEdges.map((e) => e.id) },
          { type: 'removeNodes', uids: gone.map((n) => n.id) },
        ],
      });
    },
    [],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (!types.includes(OPERATOR_DRAG_TYPE) && !types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file !== undefined) {
        event.preventDefault();
        onDropFile(file);
        return;
      }
      const kind = event.dataTransfer.getData(OPERATOR_DRAG_TYPE) as OperatorKind;
      if (!operatorRegistry.has(kind)) return;
      event.preventDefault();
      commands.addOperator(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [commands, flow, onDropFile],
  );

  const openMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent, target: Omit<ContextTarget, 'x' | 'y'>) => {
      event.preventDefault();
      // The context-menu key fires at (0, 0): open the menu at the focused element instead.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      const box = fromKeyboard ? (event.target as Element).getBoundingClientRect() : null;
      setMenu({
        ...target,
        x: box ? box.left + box.width / 2 : event.clientX,
        y: box ? box.top + box.height / 2 : event.clientY,
      });
    },
    [],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<OperatorFlowNode, PipelineFlowEdge>
        nodes={nodes}
        edges={edges}
        {...PIPELINE_FLOW}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onReconnect={onReconnect}
        onDelete={onDelete}
        deleteKeyCode={DELETE_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={snapGrid}
        colorMode={colorMode}
        onNodeContextMenu={(event, node) => {
          if (!useEditor.getState().selection.nodes.includes(node.id)) {
            useEditor.getState().select({ nodes: [node.id], edges: [] });
          }
          openMenu(event, { kind: 'node' });
        }}
        onEdgeContextMenu={(event, edge) => {
          useEditor.getState().select({ nodes: [], edges: [edge.id] });
          openMenu(event, { kind: 'edge' });
        }}
        onSelectionContextMenu={(event) => openMenu(event, { kind: 'node' })}
        onPaneContextMenu={(event) => openMenu(event, { kind: 'pane' })}
        onPaneClick={() => setMenu(null)}
        aria-label={t('canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
      >
        <GridBackground />
        <Controls showInteractive={false} aria-label={t('canvas.controls')}>
          <ControlButton
            onClick={() => setPrefs({ snapToGrid: !snapToGrid })}
            title={t('canvas.snapToGrid')}
            aria-label={t('canvas.snapToGrid')}
            aria-pressed={snapToGrid}
            className={`control-snap${snapToGrid ? ' control-snap--on' : ''}`}
          >
            <Grid3x3 aria-hidden="true" />
          </ControlButton>
        </Controls>
        {doc.nodes.length > 0 && (
          <MiniMap
            pannable
            zoomable
            ariaLabel={t('canvas.minimap')}
            nodeColor={(n) =>
              `var(--cat-${operatorRegistry.get((n as OperatorFlowNode).data.node.kind)?.category ?? 'transform'})`
            }
            nodeStrokeWidth={0}
            style={{ width: 160, height: 110 }}
            nodeBorderRadius={6}
          />
        )}
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="canvas__empty" role="note">
          <p className="canvas__empty-title">{t('canvas.emptyTitle')}</p>
          <p>{t('canvas.emptyBody')}</p>
        </div>
      )}
      {menu !== null && (
        <ContextMenu target={menu} commands={commands} onClose={() => setMenu(null)} />
      )}
    </div>
  );
}
