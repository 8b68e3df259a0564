/** The right-hand panel's content for the current selection. */
import { EdgeInspector } from './EdgeInspector';
import { MultiSelection } from './MultiSelection';
import { NodeInspector } from './NodeInspector';
import { PipelineSettings } from './PipelineSettings';
import type { InspectorProps } from './types';
import './inspector.css';

/** The shell's panel frame names the region; this is its content. */
export function Inspector(props: InspectorProps) {
  return (
    <div className="inspector" data-testid="inspector">
      <InspectorContent {...props} />
    </div>
  );
}

function InspectorContent({
  doc,
  selection,
  problems,
  onParamChange,
  onNodeChange,
  onEdgeChange,
  onPipelineChange,
}: InspectorProps) {
  const { nodes, edges } = selection;
  if (nodes.length + edges.length > 1) {
    return <MultiSelection doc={doc} nodes={nodes} edges={edges} />;
  }
  const node = nodes.length === 1 ? doc.nodes.find((n) => n.uid === nodes[0]) : undefined;
  if (node !== undefined) {
    // Keyed by uid so half-typed drafts never carry over to another node.
    return (
      <NodeInspector
        key={node.uid}
        node={node}
        problems={problems}
        onParamChange={onParamChange}
        onNodeChange={onNodeChange}
      />
    );
  }
  const edge = edges.length === 1 ? doc.edges.find((e) => e.id === edges[0]) : undefined;
  if (edge !== undefined) {
    return (
      <EdgeInspector
        key={edge.id}
        doc={doc}
        edge={edge}
        problems={problems}
        onEdgeChange={onEdgeChange}
      />
    );
  }
  return <PipelineSettings doc={doc} onPipelineChange={onPipelineChange} />;
}
