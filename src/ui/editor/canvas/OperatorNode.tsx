import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AlertTriangle, OctagonAlert } from 'lucide-react';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { operatorMeta } from '../../../engine/pipeline/registry';
import { useProblemText } from '../../i18n/problem-text';
import { NodeSnapshotMark } from '../../recovery';
import { NodeRunBadges } from '../../run';
import { summarize } from '../model/summary';
import { categoryColour, operatorIcons, operatorKey } from '../operator-look';
import type { OperatorFlowNode } from './flow-model';

/** A pipeline operator on the canvas: kind, label, key parameters, ports and problems. */
export const OperatorNode = memo(function OperatorNode({
  data,
  selected,
}: NodeProps<OperatorFlowNode>) {
  const { t } = useTranslation('editor');
  const problemText = useProblemText();
  const { node, problems } = data;
  const meta = operatorMeta(node.kind);
  const Icon = operatorIcons[node.kind];
  const kindLabel = t(`${operatorKey(node.kind)}.label`);
  const errors = problems.filter((p) => p.severity === 'error');
  const severity = errors.length > 0 ? 'error' : problems.length > 0 ? 'warning' : null;
  const lines = summarize(node, t);
  const title = node.label !== undefined && node.label !== '' ? node.label : node.uid;

  return (
    <div
      className={`op-node${selected ? ' op-node--selected' : ''}${severity ? ` op-node--${severity}` : ''}`}
      style={{ '--node-colour': categoryColour(meta.category) } as CSSProperties}
      data-testid={`node-${node.uid}`}
      data-severity={severity ?? undefined}
    >
      {meta.inputs !== 'none' && (
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          className={`op-handle${meta.inputs === 'many' ? ' op-handle--many' : ''}`}
          aria-label={t('ports.in')}
        />
      )}
      <div className="op-node__header">
        <Icon size={14} aria-hidden="true" />
        <span className="op-node__kind">{kindLabel}</span>
        {node.parallelism !== undefined && (
          <span
            className="op-node__badge"
            title={t('node.parallelism', { count: node.parallelism })}
            aria-label={t('node.parallelism', { count: node.parallelism })}
          >
            ×{node.parallelism}
          </span>
        )}
        {severity !== null && (
          <span
            className={`op-node__problem op-node__problem--${severity}`}
            title={problems.map((p) => `${p.code}: ${problemText(p)}`).join('\n')}
            aria-label={t('node.problems', { count: problems.length })}
            data-testid="node-problem"
          >
            {severity === 'error' ? (
              <OctagonAlert size={14} aria-hidden="true" />
            ) : (
              <AlertTriangle size={14} aria-hidden="true" />
            )}
            {problems.length > 1 ? problems.length : null}
          </span>
        )}
      </div>
      <div className="op-node__body">
        <div className="op-node__label" title={node.uid}>
          {title}
        </div>
        {lines.map((line) => (
          <div key={line} className="op-node__summary">
            {line}
          </div>
        ))}
      </div>
      <NodeRunBadges uid={node.uid} kind={node.kind} />
      <NodeSnapshotMark uid={node.uid} />
      {meta.outputs.map((port, index) => (
        <Handle
          key={port}
          type="source"
          position={Position.Right}
          id={port}
          className={`op-handle op-handle--${port}`}
          style={{ top: `${((index + 1) * 100) / (meta.outputs.length + 1)}%` }}
          aria-label={t(`ports.${port}`)}
        >
          {meta.outputs.length > 1 && (
            <span className="op-handle__label">{t(`ports.${port}`)}</span>
          )}
        </Handle>
      ))}
    </div>
  );
});
