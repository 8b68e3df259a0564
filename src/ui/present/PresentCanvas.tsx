/**
 * The pipeline on a read-only canvas: the editor's node and edge pictures, with their live run
 * badges, but nothing can be dragged, connected, selected or deleted. It can be panned.
 */
import { ReactFlow, useNodesInitialized, useReactFlow, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineNode } from '../../engine/pipeline/document';
import {
  toFlowEdges,
  toFlowNodes,
  type OperatorFlowNode,
  type PipelineFlowEdge,
} from '../editor/canvas/flow-model';
import { GridBackground, PIPELINE_FLOW, useNodeWords } from '../editor/canvas/flow-setup';
import '../editor/canvas/canvas.css';
import { useEditor } from '../editor/store/editor-store';
import { selectDoc } from '../editor/store/selectors';

const NOTHING_SELECTED = { nodes: [], edges: [] };
const NO_PROBLEMS = new Map();
const FIT = { padding: 0.12, maxZoom: 1.4 };

export function PresentCanvas({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const { t } = useTranslation('editor');
  const flow = useReactFlow();
  const doc = useEditor(selectDoc);
  const box = useRef<HTMLDivElement>(null);
  const words = useNodeWords();
  const describe = useCallback((node: PipelineNode) => words(node).join(', '), [words]);
  const nodes = useMemo(
    () => toFlowNodes(doc, NOTHING_SELECTED, {}, {}, NO_PROBLEMS, describe),
    [doc, describe],
  );
  const edges = useMemo(() => toFlowEdges(doc, NOTHING_SELECTED, NO_PROBLEMS), [doc]);

  const measured = useNodesInitialized();
  const frame = useRef(0);
  const fit = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => void flow.fitView(FIT));
  }, [flow]);

  // The whole pipeline stays in view: once its nodes are measured, whenever one changes size
  // (run badges appear as a run starts) and whenever the canvas resizes.
  useEffect(() => {
    const element = box.current;
    if (element === null || !measured) return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    fit();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [fit, measured, doc]);

  const onNodesChange = useCallback(
    (changes: NodeChange<OperatorFlowNode>[]) => {
      if (changes.some((change) => change.type === 'dimensions')) fit();
    },
    [fit],
  );

  return (
    <div className="canvas present-canvas" ref={box} data-testid="present-canvas">
      <ReactFlow<OperatorFlowNode, PipelineFlowEdge>
        nodes={nodes}
        edges={edges}
        {...PIPELINE_FLOW}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        edgesReconnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnScroll={false}
        preventScrolling={false}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT}
        aria-label={t('canvas.label')}
      >
        <GridBackground />
      </ReactFlow>
    </div>
  );
}
