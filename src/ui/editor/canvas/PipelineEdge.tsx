import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { AlertTriangle, OctagonAlert } from 'lucide-react';
import { useProblemText } from '../../i18n/problem-text';
import { EdgeBarrier } from '../../recovery';
import { useFlowing } from '../../run';
import type { PipelineFlowEdge } from './flow-model';

/**
 * An edge with its partitioning and, when it has problems, a badge carrying the message;
 * during a run with checkpoints, the barriers crossing it.
 */
export function PipelineEdge(props: EdgeProps<PipelineFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const problems = props.data?.problems ?? [];
  const isError = problems.some((p) => p.severity === 'error');
  const label = typeof props.label === 'string' ? props.label : null;
  const flowing = useFlowing();
  const problemText = useProblemText();
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={flowing ? 'edge--flowing' : undefined}
        {...(props.markerEnd === undefined ? {} : { markerEnd: props.markerEnd })}
        interactionWidth={props.interactionWidth ?? 20}
      />
      <EdgeBarrier edgeId={props.id} path={path} />
      {(problems.length > 0 || label !== null) && (
        <EdgeLabelRenderer>
          <div
            className="edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label !== null && <span className="edge-label__text">{label}</span>}
            {problems.length > 0 && (
              <span
                className={`edge-label__problem edge-label__problem--${isError ? 'error' : 'warning'}`}
                title={problems.map((p) => `${p.code}: ${problemText(p)}`).join('\n')}
                data-testid={`edge-problem-${props.id}`}
              >
                {isError ? (
                  <OctagonAlert size={12} aria-hidden="true" />
                ) : (
                  <AlertTriangle size={12} aria-hidden="true" />
                )}
                {problems[0]?.code}
              </span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
