/** The Savepoints tab: take one (downloaded and kept), the kept list, and restore from a file. */
import { Download, Save, Trash2, Upload, History } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../common/BusyIcon';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { IconButton } from '../common/IconButton';
import { runController, selectInfo, selectPhase, useRunStore } from '../run';
import { formatBytes } from './format';
import { recoveryEngine } from './recovery-engine';
import { selectSavepoints, useRecoveryStore } from './recovery-store';
import { RestoreDialog, type RestoreRequest } from './RestoreDialog';
import { SavepointDiff } from './SavepointDiff';
import {
  deleteSavepoint,
  downloadBytes,
  keepSavepoint,
  refreshSavepoints,
  savepointStore,
} from './savepoint-list';
import './recovery.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function SavepointsPanel({ doc }: { doc: PipelineDocument }) {
  const { t, i18n } = useTranslation('recovery');
  const info = useRunStore(selectInfo);
  const phase = useRunStore(selectPhase);
  const savepoints = useRecoveryStore(selectSavepoints);
  const [taking, setTaking] = useState(false);
  const [request, setRequest] = useState<RestoreRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useRef<HTMLInputElement>(null);
  const over = phase === 'finished' || phase === 'failed' || phase === 'canceled';

  useEffect(() => {
    refreshSavepoints().catch((e: unknown) =>
      setProblem(t('savepoints.storageFailed', { message: messageOf(e) })),
    );
  }, [t]);

  const take = async () => {
    setTaking(true);
    try {
      if (phase === 'running') await runController().pause();
      const download = await recoveryEngine().takeSavepoint();
      downloadBytes(download.bytes, download.fileName);
      await keepSavepoint(download);
    } catch (e) {
      setProblem(t('savepoints.takeFailed', { message: messageOf(e) }));
    } finally {
      setTaking(false);
    }
  };

  const open = async (id: string, name: string, then: 'download' | 'restore') => {
    const file = await savepointStore.file(id);
    if (file === null) return;
    if (then === 'download') downloadBytes(file, name);
    else setRequest({ name, file });
  };

  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  return (
    <div className="recovery-panel" data-testid="savepoints-panel">
      <div className="recovery-toolbar">
        <button
          type="button"
          className="recovery-button recovery-button--primary"
          data-testid="take-savepoint"
          disabled={info === null || over || taking || phase === 'starting'}
          title={
            over || info === null ? t('savepoints.takeNeedsRun') : t('savepoints.takeNeedsPause')
          }
          onClick={() => void take()}
        >
          <BusyIcon busy={taking} icon={Save} />
          {taking ? t('savepoints.taking') : t('savepoints.take')}
        </button>
        <button
          type="button"
          className="recovery-button"
          data-testid="upload-savepoint"
          onClick={() => upload.current?.click()}
        >
          <Upload size={14} aria-hidden="true" />
          {t('savepoints.upload')}
        </button>
        <input
          ref={upload}
          type="file"
          className="recovery-file-input"
          data-testid="savepoint-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file === undefined) return;
            void file
              .arrayBuffer()
              .then((buffer) => setRequest({ name: file.name, file: new Uint8Array(buffer) }));
          }}
        />
      </div>
      {problem !== null && (
        <p className="recovery-error" role="alert">
          {problem}
        </p>
      )}
      {request !== null && (
        <RestoreDialog
          key={`${request.name}-${request.file.byteLength}`}
          request={request}
          doc={doc}
          onClose={() => setRequest(null)}
        />
      )}
      <section className="recovery-section" aria-label={t('savepoints.list')}>
        <h3>{t('savepoints.list')}</h3>
        {savepoints.length === 0 ? (
          <p className="dock__empty">{t('savepoints.none')}</p>
        ) : (
          <table className="recovery-table" data-testid="savepoint-list">
            <thead>
              <tr>
                <th scope="col">{t('savepoints.name')}</th>
                <th scope="col">{t('savepoints.time')}</th>
                <th scope="col">{t('savepoints.pipeline')}</th>
                <th scope="col">{t('checkpoints.id')}</th>
                <th scope="col" className="recovery-num">
                  {t('savepoints.size')}
                </th>
                <th scope="col">{t('savepoints.backend')}</th>
                <th scope="col" className="recovery-num">
                  {t('savepoints.parallelism')}
                </th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {savepoints.map((s) => (
                <tr key={s.id}>
                  <td className="recovery-value" title={s.name}>
                    {s.name}
                  </td>
                  <td>{dateTime.format(s.savedAt)}</td>
                  <td>{s.pipeline}</td>
                  <td className="recovery-num">{s.checkpointId}</td>
                  <td className="recovery-num">{formatBytes(s.bytes)}</td>
                  <td>{s.backend}</td>
                  <td className="recovery-num">{s.parallelism}</td>
                  <td>
                    <div className="recovery-actions">
                      <IconButton
                        label={t('savepoints.download')}
                        onClick={() => void open(s.id, s.name, 'download')}
                      >
                        <Download size={14} aria-hidden="true" />
                      </IconButton>
                      <IconButton
                        label={t('savepoints.restore')}
                        testId="savepoint-restore"
                        onClick={() => void open(s.id, s.name, 'restore')}
                      >
                        <History size={14} aria-hidden="true" />
                      </IconButton>
                      <IconButton
                        label={t('savepoints.delete')}
                        onClick={() =>
                          void deleteSavepoint(s.id).catch((e: unknown) =>
                            setProblem(t('savepoints.storageFailed', { message: messageOf(e) })),
                          )
                        }
                      >
                        <Trash2 size={14} aria-hidden="true" />
                      </IconButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {savepoints.length > 0 && (
        <SavepointDiff
          savepoints={savepoints}
          liveAvailable={info !== null && phase !== 'running' && phase !== 'starting'}
        />
      )}
    </div>
  );
}
