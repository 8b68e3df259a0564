/**
 * A scripted input's steps as an ordered list to add to, edit, reorder and delete, with the
 * script's processing time and watermark beside each step and a small preview above. Every
 * change is one call of `onChange` with the whole new list: one undoable edit.
 */
import {
  ArrowDown,
  ArrowUp,
  Clock,
  Download,
  Infinity as InfinityIcon,
  ListPlus,
  type LucideIcon,
  Trash2,
  Upload,
  Waves,
} from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../engine/pipeline/document';
import { scriptStepKinds, type ScriptStepKind } from '../../engine/pipeline/params';
import { HiddenFileInput } from '../common/HiddenFileInput';
import { formatMs } from './MarbleLane';
import { ScriptPreview } from './ScriptPreview';
import {
  deleteStep,
  formatScriptJsonl,
  moveStep,
  newStep,
  parseScriptJsonl,
  replaceStep,
  stepRows,
  summarizeScript,
  type ScriptParse,
  type StepRow,
} from './script-steps';
import type { ScriptSource } from './source-lanes';

const ICONS: Record<ScriptStepKind, LucideIcon> = {
  add: ListPlus,
  advanceWatermark: Waves,
  advanceProcessingTime: Clock,
  advanceWatermarkToInfinity: InfinityIcon,
};

export function formatWatermark(ms: number): string {
  return ms === -Infinity ? '–' : ms === Infinity ? '∞' : formatMs(ms);
}

export function ScriptEditor({
  source,
  width,
  onChange,
  onDownload,
}: {
  source: ScriptSource;
  width: number;
  onChange(steps: JsonValue[]): void;
  onDownload(name: string, text: string): void;
}) {
  const { t } = useTranslation('input');
  const file = useRef<HTMLInputElement>(null);
  const [issue, setIssue] = useState<Extract<ScriptParse, { ok: false }> | null>(null);
  const { node, steps, timestampField } = source;
  const uid = node.uid;
  const name = node.label || uid;
  const rows = stepRows(steps, timestampField);
  const summary = summarizeScript(steps);

  const importFile = async (chosen: File) => {
    const parsed = parseScriptJsonl(await chosen.text());
    if (parsed.ok) {
      setIssue(null);
      onChange(parsed.steps);
    } else setIssue(parsed);
  };

  return (
    <section className="input-lane script" aria-label={name} data-testid={`script-${uid}`}>
      <header className="input-lane__head">
        <strong>{name}</strong>
        <span className="input-lane__count">
          {t('script.summary', {
            steps: t('script.steps', { count: steps.length }),
            records: t('lane.count', { count: summary.records }),
          })}
        </span>
        <span className="input-lane__spacer" />
        <button
          type="button"
          className="button"
          onClick={() => file.current?.click()}
          data-testid={`script-import-${uid}`}
        >
          <Upload size={14} aria-hidden="true" />
          {t('lane.import')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onDownload(`${uid}.script.jsonl`, formatScriptJsonl(steps))}
        >
          <Download size={14} aria-hidden="true" />
          JSONL
        </button>
        <HiddenFileInput
          ref={file}
          accept=".jsonl,.ndjson,.json"
          testId={`script-file-${uid}`}
          onFile={(chosen) => void importFile(chosen)}
        />
      </header>
      {issue !== null && (
        <p className="input-lane__issues" role="alert">
          {t('issue.line', { line: issue.line, problem: t(`script.issue.${issue.reason}`) })}
        </p>
      )}
      <ScriptPreview rows={rows} width={width} timestampField={timestampField} />
      {rows.length === 0 ? (
        <p className="script__empty">{t('script.empty')}</p>
      ) : (
        <ol className="script__steps">
          {rows.map((row) => (
            <StepItem
              key={`${row.index}:${JSON.stringify(row.step)}`}
              uid={uid}
              row={row}
              last={row.index === rows.length - 1}
              onReplace={(step) => onChange(replaceStep(steps, row.index, step))}
              onMove={(by) => onChange(moveStep(steps, row.index, by))}
              onDelete={() => onChange(deleteStep(steps, row.index))}
            />
          ))}
        </ol>
      )}
      <div className="script__add" role="group" aria-label={t('script.addLabel')}>
        <span className="script__add-label">{t('script.addLabel')}</span>
        {scriptStepKinds.map((kind) => {
          const Icon = ICONS[kind];
          return (
            <button
              key={kind}
              type="button"
              className="button"
              data-testid={`script-add-${kind}-${uid}`}
              onClick={() =>
                onChange([...steps, newStep(kind, rows, timestampField, source.keyField)])
              }
            >
              <Icon size={14} aria-hidden="true" />
              {t(`script.kind.${kind}`)}
            </button>
          );
        })}
      </div>
    </section>
  );
}

function StepItem({
  uid,
  row,
  last,
  onReplace,
  onMove,
  onDelete,
}: {
  uid: string;
  row: StepRow;
  last: boolean;
  onReplace(step: JsonValue): void;
  onMove(by: -1 | 1): void;
  onDelete(): void;
}) {
  const { t } = useTranslation('input');
  const n = row.index + 1;
  const Icon = row.kind === null ? null : ICONS[row.kind];
  return (
    <li
      className={`script-step script-step--${row.kind ?? 'invalid'}`}
      data-testid={`script-step-${uid}-${row.index}`}
    >
      <span className="script-step__index">{n}</span>
      <span className="script-step__kind">
        {Icon !== null && <Icon size={14} aria-hidden="true" />}
        {row.kind === null ? t('script.kind.invalid') : t(`script.kind.${row.kind}`)}
      </span>
      <span className="script-step__value-cell">
        <StepValue row={row} uid={uid} onReplace={onReplace} />
        {row.behind > 0 && (
          <span className="script-step__behind" title={t('script.behindHint')}>
            {t('script.behind', { count: row.behind })}
          </span>
        )}
      </span>
      <span className="script-step__clock" data-testid={`script-clock-${uid}-${row.index}`}>
        {t('script.after', {
          processingTime: formatMs(row.processingTime),
          watermark: formatWatermark(row.watermark),
        })}
      </span>
      <span className="script-step__actions">
        <button
          type="button"
          className="icon-button"
          disabled={row.index === 0}
          aria-label={t('script.moveUp', { n })}
          title={t('script.moveUp', { n })}
          onClick={() => onMove(-1)}
        >
          <ArrowUp size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={last}
          aria-label={t('script.moveDown', { n })}
          title={t('script.moveDown', { n })}
          onClick={() => onMove(1)}
        >
          <ArrowDown size={14} aria-hidden="true" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('script.delete', { n })}
          title={t('script.delete', { n })}
          data-testid={`script-delete-${uid}-${row.index}`}
          onClick={onDelete}
        >
          <Trash2 size={14} aria-hidden="true" />
        </button>
      </span>
    </li>
  );
}

/** The step's value as text: its records as JSON, or a number of milliseconds. */
function StepValue({
  row,
  uid,
  onReplace,
}: {
  row: StepRow;
  uid: string;
  onReplace(step: JsonValue): void;
}) {
  const { t } = useTranslation('input');
  const kind = row.kind;
  const committed =
    kind === null
      ? JSON.stringify(row.step)
      : kind === 'advanceWatermarkToInfinity'
        ? ''
        : JSON.stringify((row.step as Record<string, JsonValue>)[kind]);
  const [draft, setDraft] = useState(committed);
  if (kind === 'advanceWatermarkToInfinity') return null;
  const parsed = parseValue(kind, draft);
  const commit = () => {
    if (parsed === undefined || draft === committed) return;
    onReplace(parsed);
  };
  return (
    <input
      type="text"
      className={`script-step__value${kind === 'add' || kind === null ? ' script-step__value--json' : ''}`}
      value={draft}
      spellCheck={false}
      autoComplete="off"
      aria-label={t(`script.value.${kind ?? 'invalid'}`, { n: row.index + 1 })}
      aria-invalid={parsed === undefined}
      data-testid={`script-value-${uid}-${row.index}`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(committed);
      }}
    />
  );
}

/** The step a value's text makes, or undefined when the text does not fit the kind. */
function parseValue(kind: ScriptStepKind | null, text: string): JsonValue | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  switch (kind) {
    case 'add':
      return Array.isArray(value) ? { add: value } : undefined;
    case 'advanceWatermark':
    case 'advanceProcessingTime':
      return typeof value === 'number' ? { [kind]: value } : undefined;
    default:
      // A step of no known shape is edited as a whole: the validator says what is wrong.
      return value;
  }
}
