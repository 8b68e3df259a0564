import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { UserCode } from '../../share/user-code';
import { operatorKey } from '../operator-look';
import { ChoiceButtons } from './ChoiceButtons';
import { Modal } from './Modal';

/**
 * A pipeline from a file or a link can carry JavaScript that runs in this browser: show it
 * all, and open it runnable only if the user says so.
 */
export function TrustDialog({
  doc,
  code,
  onAllow,
  onStrip,
  onClose,
}: {
  doc: PipelineDocument;
  code: readonly UserCode[];
  onAllow(): void;
  onStrip(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('editor');
  const nodeName = (uid: string) => {
    const node = doc.nodes.find((n) => n.uid === uid);
    return node ? node.label || `${t(`${operatorKey(node.kind)}.label`)} ${uid}` : uid;
  };
  return (
    <Modal
      title={t('trust.title')}
      onClose={onClose}
      wide
      testId="trust-dialog"
      footer={
        <ChoiceButtons
          cancelLabel={t('trust.cancel')}
          choices={[
            { label: t('trust.strip'), act: onStrip },
            { label: t('trust.allow'), danger: true, act: onAllow },
          ]}
          onClose={onClose}
        />
      }
    >
      <p>{t('trust.body')}</p>
      <p className="trust__name">{doc.name}</p>
      {code.map((item) => (
        <figure key={`${item.nodeUid}.${item.param}`} className="trust__code">
          <figcaption>
            {t('trust.where', { node: nodeName(item.nodeUid), param: item.param })}
          </figcaption>
          <pre>
            <code>{item.code}</code>
          </pre>
        </figure>
      ))}
    </Modal>
  );
}
