/** A connection: where it runs, and how records are partitioned across it. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument, PipelineEdge, Partitioning } from '../../engine/pipeline/document';
import type { Problem } from '../../engine/pipeline/problems';
import { describedBy, FieldFrame } from './FieldFrame';
import { operatorIcons } from '../editor/operator-look';
import { edgeProblems } from './node-problems';
import { kindTextKey } from './param-text';
import type { InspectorProps } from './types';

const PARTITIONINGS: readonly Partitioning[] = ['forward', 'rebalance', 'broadcast'];

interface EdgeInspectorProps {
  doc: PipelineDocument;
  edge: PipelineEdge;
  problems: readonly Problem[];
  onEdgeChange: InspectorProps['onEdgeChange'];
}

export function EdgeInspector({ doc, edge, problems, onEdgeChange }: EdgeInspectorProps) {
  const { t } = useTranslation('inspector');
  const titleId = useId();
  const id = useId();
  const source = doc.nodes.find((n) => n.uid === edge.source);
  const current = edge.partitioning ?? 'default';
  const keyed = source?.kind === 'keyBy';
  const help = `${t(`edge.hints.${current}`)}${keyed ? ` ${t('edge.keyedNote')}` : ''}`;
  const own = edgeProblems(problems, edge.id);
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h2 className="insp-title" id={titleId}>
        {t('edge.section')}
      </h2>
      <dl className="insp-ends">
        <dt>{t('edge.from')}</dt>
        <dd>
          <NodeName doc={doc} uid={edge.source} />
        </dd>
        <dt>{t('edge.to')}</dt>
        <dd>
          <NodeName doc={doc} uid={edge.target} />
        </dd>
        {edge.sourcePort !== undefined && (
          <>
            <dt>{t('edge.port')}</dt>
            <dd>
              {edge.sourcePort === 'out' || edge.sourcePort === 'late'
                ? t(`edge.ports.${edge.sourcePort}`)
                : edge.sourcePort}
            </dd>
          </>
        )}
      </dl>
      <FieldFrame id={id} label={t('edge.partitioning')} help={help} problems={own}>
        <select
          id={id}
          className="insp-select"
          data-testid="inspector-partitioning"
          value={current}
          aria-describedby={describedBy({ id, help, problems: own })}
          onChange={(e) =>
            onEdgeChange(edge.id, {
              partitioning: e.target.value === 'default' ? null : (e.target.value as Partitioning),
            })
          }
        >
          <option value="default">{t('edge.options.default')}</option>
          {PARTITIONINGS.map((p) => (
            <option key={p} value={p}>
              {t(`edge.options.${p}`)}
            </option>
          ))}
        </select>
      </FieldFrame>
    </section>
  );
}

function NodeName({ doc, uid }: { doc: PipelineDocument; uid: string }) {
  const { t } = useTranslation('inspector');
  const node = doc.nodes.find((n) => n.uid === uid);
  if (node === undefined) {
    return (
      <span className="insp-node-name is-missing">
        {uid} · {t('edge.missingNode')}
      </span>
    );
  }
  const Icon = operatorIcons[node.kind];
  const kindLabel = t(kindTextKey(node.kind, 'label'));
  return (
    <span className="insp-node-name">
      {Icon !== undefined && <Icon size={13} aria-hidden="true" />}
      <span>{node.label !== undefined && node.label !== '' ? node.label : kindLabel}</span>
      <code className="insp-uid">{node.uid}</code>
    </span>
  );
}
