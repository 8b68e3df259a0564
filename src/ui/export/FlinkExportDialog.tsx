/**
 * The Export panel: the pipeline as Flink SQL or as a Java project, highlighted, with copy and
 * download, and the list of what the target could not express. It follows the pipeline live.
 */
import { Check, Copy, Download, FileArchive } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FLINK_VERSION, type ExportedFile, type ExportOptions } from '../../export';
import { Modal } from '../editor/dialogs/Modal';
import { CodeView } from './code-view-lazy';
import type { CodeLanguage } from './CodeView';
import { baseName, downloadFile, downloadZip } from './downloads';
import { UnsupportedList } from './UnsupportedList';
import { useFlinkExport, type ExportTarget } from './use-flink-export';
import './export.css';

const TARGETS: readonly ExportTarget[] = ['sql', 'java'];

function languageOf(path: string): CodeLanguage {
  if (path.endsWith('.sql')) return 'sql';
  if (path.endsWith('.java')) return 'java';
  if (path.endsWith('.json') || path.endsWith('.jsonl')) return 'json';
  return 'text';
}

/** The file shown first: the one that holds the job. */
const MAIN_FILE: Record<ExportTarget, (f: ExportedFile) => boolean> = {
  sql: (f) => f.path.endsWith('.sql'),
  java: (f) => f.path.endsWith('Main.java'),
};

/** Default export, for the toolbar button's lazy import. */
export default function FlinkExportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('export');
  const { options, results, projectName } = useFlinkExport();
  const [target, setTarget] = useState<ExportTarget>('sql');
  const [chosen, setChosen] = useState<Record<ExportTarget, string | null>>({
    sql: null,
    java: null,
  });
  const tabsId = useId();
  const { files, unsupported } = results[target];
  const file =
    files.find((f) => f.path === chosen[target]) ?? files.find(MAIN_FILE[target]) ?? files[0]!;

  return (
    <Modal title={t('title')} onClose={onClose} testId="flink-export">
      <div className="flink-export">
        <p className="modal__lede">{t('lede', { version: FLINK_VERSION })}</p>
        <p className="flink-export__config" data-testid="export-config">
          {configSummary(t, options)}
        </p>
        <div className="flink-export__tabs" role="tablist" aria-label={t('tabs.label')}>
          {TARGETS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`${tabsId}-${tab}`}
              aria-selected={tab === target}
              aria-controls={`${tabsId}-panel`}
              className="flink-export__tab"
              data-testid={`export-tab-${tab}`}
              onClick={() => setTarget(tab)}
            >
              {t(`tabs.${tab}`)}
            </button>
          ))}
        </div>
        <div
          className="flink-export__panel"
          role="tabpanel"
          id={`${tabsId}-panel`}
          aria-labelledby={`${tabsId}-${target}`}
        >
          <nav className="flink-export__files" aria-label={t('files')}>
            <ul>
              {files.map((f) => (
                <li key={f.path}>
                  <button
                    type="button"
                    className="flink-export__file"
                    aria-current={f.path === file.path ? 'true' : undefined}
                    data-testid="export-file"
                    data-path={f.path}
                    title={f.path}
                    onClick={() => setChosen({ ...chosen, [target]: f.path })}
                  >
                    <span className="flink-export__file-name">{baseName(f.path)}</span>
                    {f.path.includes('/') && (
                      <span className="flink-export__file-folder">
                        {f.path.slice(0, f.path.lastIndexOf('/'))}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flink-export__viewer">
            <div className="flink-export__actions">
              <span className="flink-export__path" data-testid="export-path">
                {file.path}
              </span>
              <CopyButton text={file.content} />
              <button type="button" className="button" onClick={() => downloadFile(file)}>
                <Download size={14} aria-hidden="true" />
                {t('download')}
              </button>
              {target === 'java' && (
                <button
                  type="button"
                  className="button"
                  data-testid="export-zip"
                  onClick={() => void downloadZip(projectName, files)}
                >
                  <FileArchive size={14} aria-hidden="true" />
                  {t('downloadZip')}
                </button>
              )}
            </div>
            <CodeView
              value={file.content}
              language={languageOf(file.path)}
              label={t('codeLabel', { file: file.path })}
            />
          </div>
        </div>
        <p className="flink-export__how">
          {target === 'sql' ? t('how.sql') : t('how.java', { jar: `${projectName}-1.0-SNAPSHOT` })}
        </p>
        <UnsupportedList target={target} items={unsupported} />
      </div>
    </Modal>
  );
}

function configSummary(t: TFunction<'export'>, o: ExportOptions): string {
  const checkpoints =
    o.checkpointIntervalMs === null
      ? t('config.checkpointsOff')
      : t('config.checkpoints', {
          seconds: o.checkpointIntervalMs / 1000,
          mode: t(`config.mode.${o.checkpointMode}`),
        });
  return t('config.summary', {
    parallelism: o.parallelism,
    backend: o.stateBackend,
    time: t(`config.time.${o.timeMode}`),
    checkpoints,
  });
}

function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation('export');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="button"
      data-testid="export-copy"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      {state === 'copied' ? (
        <Check size={14} aria-hidden="true" />
      ) : (
        <Copy size={14} aria-hidden="true" />
      )}
      <span aria-live="polite">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copy')}
      </span>
    </button>
  );
}
