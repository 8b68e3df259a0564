import { Download, Upload } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue, PipelineDocument } from '../../engine/pipeline/document';
import { HiddenFileInput } from '../common/HiddenFileInput';
import { saveFile } from '../common/save-file';
import { MarbleLane } from './MarbleLane';
import { RecordPopover } from './RecordPopover';
import {
  formatInput,
  parseInput,
  type InputFormat,
  type InputIssue,
  type InputRecord,
} from './records-io';
import { ScriptEditor } from './ScriptEditor';
import { laneSources, scriptSources, type LaneSource } from './source-lanes';
import './input.css';

/**
 * The Input tab: one marble lane per list source and a step editor per scripted input; every
 * change is one undoable edit.
 */
export function InputPanel({
  doc,
  onRecordsChange,
  onStepsChange,
}: {
  doc: PipelineDocument;
  onRecordsChange(uid: string, records: InputRecord[]): void;
  onStepsChange(uid: string, steps: JsonValue[]): void;
}) {
  const { t } = useTranslation('input');
  const sources = laneSources(doc);
  const scripts = scriptSources(doc);
  const [width, setWidth] = useState(800);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  if (sources.length === 0 && scripts.length === 0) {
    return <p className="dock__empty">{t('empty')}</p>;
  }
  return (
    <div className="input-panel" ref={box} data-testid="input-panel">
      {sources.length > 0 && <p className="input-panel__hint">{t('hint')}</p>}
      {sources.map((source) => (
        <SourceLane
          key={source.node.uid}
          source={source}
          width={width}
          onChange={(records) => onRecordsChange(source.node.uid, records)}
        />
      ))}
      {scripts.length > 0 && <p className="input-panel__hint">{t('script.hint')}</p>}
      {scripts.map((script) => (
        <ScriptEditor
          key={script.node.uid}
          source={script}
          width={width}
          onChange={(steps) => onStepsChange(script.node.uid, steps)}
          onDownload={(name, text) => download(name, text, 'application/jsonl')}
        />
      ))}
    </div>
  );
}

function download(name: string, text: string, type: string) {
  saveFile(name, new Blob([text], { type }));
}

function SourceLane({
  source,
  width,
  onChange,
}: {
  source: LaneSource;
  width: number;
  onChange(records: InputRecord[]): void;
}) {
  const { t } = useTranslation('input');
  const [selected, setSelected] = useState<number | null>(null);
  const [issues, setIssues] = useState<readonly InputIssue[]>([]);
  const file = useRef<HTMLInputElement>(null);
  const name = source.node.label || source.node.uid;
  const record = selected === null ? undefined : source.records[selected];

  const exportAs = (format: InputFormat) =>
    download(
      `${source.node.uid}.${format}`,
      formatInput(source.records, format),
      format === 'csv' ? 'text/csv' : 'application/jsonl',
    );
  const importFile = async (chosen: File) => {
    const parsed = parseInput(await chosen.text(), chosen.name.endsWith('.csv') ? 'csv' : 'jsonl');
    if (parsed.ok) {
      setIssues([]);
      setSelected(null);
      onChange(parsed.records);
    } else setIssues(parsed.issues);
  };

  return (
    <section className="input-lane" aria-label={name}>
      <header className="input-lane__head">
        <strong>{name}</strong>
        <span className="input-lane__count">
          {t('lane.count', { count: source.records.length })}
        </span>
        <span className="input-lane__spacer" />
        <button
          type="button"
          className="button"
          onClick={() => file.current?.click()}
          data-testid={`input-import-${source.node.uid}`}
        >
          <Upload size={14} aria-hidden="true" />
          {t('lane.import')}
        </button>
        <button type="button" className="button" onClick={() => exportAs('jsonl')}>
          <Download size={14} aria-hidden="true" />
          JSONL
        </button>
        <button type="button" className="button" onClick={() => exportAs('csv')}>
          <Download size={14} aria-hidden="true" />
          CSV
        </button>
        <HiddenFileInput
          ref={file}
          accept=".jsonl,.ndjson,.json,.csv,text/csv"
          testId={`input-file-${source.node.uid}`}
          onFile={(chosen) => void importFile(chosen)}
        />
      </header>
      {issues.length > 0 && (
        <ul className="input-lane__issues" role="alert">
          {issues.slice(0, 5).map((issue, i) => (
            <li key={i}>
              {t('issue.line', {
                line: issue.line,
                problem: t(`issue.${issue.key}`, issue.values),
              })}
            </li>
          ))}
        </ul>
      )}
      <MarbleLane
        source={source}
        width={width}
        selected={selected}
        onSelect={setSelected}
        onChange={onChange}
      />
      {record !== undefined && selected !== null && (
        <RecordPopover
          key={`${selected}-${JSON.stringify(record)}`}
          record={record}
          index={selected}
          onApply={(next) => onChange(source.records.map((r, i) => (i === selected ? next : r)))}
          onDelete={() => {
            onChange(source.records.filter((_, i) => i !== selected));
            setSelected(null);
          }}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}
