/**
 * What the editor's canvas and the presentation's read-only one share: how a pipeline's nodes
 * and edges are drawn and read aloud, the zoom range and the dotted grid.
 */
import { Background, BackgroundVariant } from '@xyflow/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineNode } from '../../../engine/pipeline/document';
import { GRID } from '../hooks/use-commands';
import { summarize } from '../model/summary';
import { operatorKey } from '../operator-look';
import { OperatorNode } from './OperatorNode';
import { PipelineEdge } from './PipelineEdge';

/** Props for `<ReactFlow>`, module constants so React Flow sees the same objects each render. */
export const PIPELINE_FLOW = {
  nodeTypes: { operator: OperatorNode },
  edgeTypes: { pipeline: PipelineEdge },
  defaultEdgeOptions: { type: 'pipeline' },
  minZoom: 0.2,
  maxZoom: 2,
};

/** The dots of the grid that nodes snap to. */
export function GridBackground() {
  return <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.5} />;
}

/** A node in words for screen readers: its kind, its name and its key parameters. */
export function useNodeWords(): (node: PipelineNode) => string[] {
  const { t } = useTranslation('editor');
  return useCallback(
    (node) => [t(`${operatorKey(node.kind)}.label`), node.label || node.uid, ...summarize(node, t)],
    [t],
  );
}
