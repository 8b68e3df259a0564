/** The operator's identity: kind, label, uid, and parallelism. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineNode } from '../../engine/pipeline/document';
import type { Problem } from '../../engine/pipeline/problems';
import type { OperatorMeta } from '../../engine/pipeline/registry';
import { commitKeys } from './commit-keys';
import { describedBy, FieldFrame } from './FieldFrame';
import { formatField, PARALLELISM_SPEC, parseField } from './field-value';
import { operatorIcons } from '../editor/operator-look';
import { kindTextKey } from './param-text';
import type { InspectorProps } from './types';
import { useDraft } from './use-draft';

interface NodeHeaderProps {
  node: PipelineNode;
  meta: OperatorMeta;
  parallelismProblems: readonly Problem[];
  onNodeChange: InspectorProps['onNodeChange'];
}

export function NodeHeader({ node, meta, parallelismProblems, onNodeChange }: NodeHeaderProps) {
  const { t } = useTranslation('inspector');
  const Icon = operatorIcons[node.kind];
  const kindLabel = t(kindTextKey(node.kind, 'label'));
  const titleId = useId();
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <div className="insp-kind">
        <span className={`insp-kind-icon insp-cat--${meta.category}`} aria-hidden="true">
          <Icon size={16} />
        </span>
        <div className="insp-kind-text">
          <h2 className="insp-title" id={titleId}>
            {kindLabel}
          </h2>
          <p className="insp-description">{t(kindTextKey(node.kind, 'description'))}</p>
        </div>
      </div>
      <LabelField node={node} placeholder={kindLabel} onNodeChange={onNodeChange} />
      <div className="insp-row">
        <UidField uid={node.uid} />
        <ParallelismField node={node} problems={parallelismProblems} onNodeChange={onNodeChange} />
      </div>
    </section>
  );
}

function LabelField({
  node,
  placeholder,
  onNodeChange,
}: {
  node: PipelineNode;
  placeholder: string;
  onNodeChange: InspectorProps['onNodeChange'];
}) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const committed = node.label ?? '';
  const [draft, setDraft] = useDraft(committed);
  // An empty label is no label: the canvas shows the kind's name.
  const commit = () => {
    const label = draft.trim();
    if (label === committed) setDraft(committed);
    else onNodeChange(node.uid, { label });
  };
  return (
    <FieldFrame id={id} label={t('node.label')}>
      <input
        id={id}
        className="insp-input"
        data-testid="inspector-label"
        type="text"
        autoComplete="off"
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={commitKeys(commit, () => setDraft(committed))}
      />
    </FieldFrame>
  );
}

function UidField({ uid }: { uid: string }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const help = t('node.uidNote');
  return (
    <FieldFrame id={id} label={t('node.uid')} help={help}>
      <input
        id={id}
        className="insp-input insp-input--mono"
        data-testid="inspector-uid"
        type="text"
        value={uid}
        readOnly
        aria-describedby={describedBy({ id, help })}
      />
    </FieldFrame>
  );
}

function ParallelismField({
  node,
  problems,
  onNodeChange,
}: {
  node: PipelineNode;
  problems: readonly Problem[];
  onNodeChange: InspectorProps['onNodeChange'];
}) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const committed = formatField(PARALLELISM_SPEC, node.parallelism ?? null);
  const [draft, setDraft] = useDraft(committed);
  const parsed = draft === committed ? undefined : parseField(PARALLELISM_SPEC, draft);
  const error = parsed?.ok === false ? parsed.error : undefined;
  const help =
    node.kind === 'windowAll'
      ? t('node.windowAllNote')
      : node.kind === 'source.script'
        ? t('node.scriptNote')
        : t('node.parallelismHelp');
  const commit = () => {
    if (parsed?.ok !== true) return;
    if (parsed.value === (node.parallelism ?? null)) setDraft(committed);
    else onNodeChange(node.uid, { parallelism: parsed.value as number | null });
  };
  return (
    <FieldFrame id={id} label={t('node.parallelism')} help={help} error={error} problems={problems}>
      <input
        id={id}
        className="insp-input"
        data-testid="inspector-parallelism"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={draft}
        placeholder={t('node.parallelismEmpty')}
        aria-invalid={error !== undefined || problems.some((p) => p.severity === 'error')}
        aria-describedby={describedBy({ id, help, error, problems })}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={commitKeys(commit, () => setDraft(committed))}
      />
    </FieldFrame>
  );
}
