/** The form of one operator: its header, then a field per applicable parameter. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineNode } from '../../engine/pipeline/document';
import { applicableParams, withDefaults } from '../../engine/pipeline/params';
import type { Problem } from '../../engine/pipeline/problems';
import { operatorRegistry } from '../../engine/pipeline/registry';
import { NodeHeader } from './NodeHeader';
import { nodeProblems } from './node-problems';
import { ParamField } from './ParamField';
import { ProblemList } from './ProblemList';
import type { InspectorProps } from './types';

interface NodeInspectorProps {
  node: PipelineNode;
  problems: readonly Problem[];
  onParamChange: InspectorProps['onParamChange'];
  onNodeChange: InspectorProps['onNodeChange'];
}

export function NodeInspector({ node, problems, onParamChange, onNodeChange }: NodeInspectorProps) {
  const { t } = useTranslation('inspector');
  const paramsId = useId();
  const meta = operatorRegistry.get(node.kind);
  if (meta === undefined) {
    // An unknown kind (from a hand-edited file) has no form; its E001 says what to do.
    return (
      <section className="insp-section">
        <ProblemList problems={problems.filter((p) => p.nodeUid === node.uid)} />
      </section>
    );
  }
  const values = withDefaults(meta.params, node.params);
  const shown = applicableParams(meta.params, node.params);
  const fields = new Set(['parallelism', ...shown.map((s) => s.name)]);
  const { byField, general } = nodeProblems(problems, node.uid, fields);

  return (
    <>
      <NodeHeader
        node={node}
        meta={meta}
        parallelismProblems={byField.get('parallelism') ?? []}
        onNodeChange={onNodeChange}
      />
      {general.length > 0 && (
        <section className="insp-section" aria-label={t('node.problems')}>
          <ProblemList problems={general} />
        </section>
      )}
      <section className="insp-section" aria-labelledby={paramsId}>
        <h3 className="insp-heading" id={paramsId}>
          {t('node.parameters')}
        </h3>
        {shown.length === 0 && <p className="insp-hint">{t('node.noParameters')}</p>}
        {shown.map((spec) => (
          <ParamField
            key={spec.name}
            kind={node.kind}
            spec={spec}
            value={values[spec.name]}
            isSet={Object.hasOwn(node.params, spec.name)}
            problems={byField.get(spec.name) ?? []}
            onCommit={(value) => onParamChange(node.uid, spec.name, value)}
            onReset={() => onParamChange(node.uid, spec.name, undefined)}
          />
        ))}
      </section>
    </>
  );
}
