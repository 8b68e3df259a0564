import { useTranslation } from 'react-i18next';
import type { IncomingDialog } from '../hooks/use-incoming';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { UserCode } from '../../share/user-code';
import { ConfirmDialog } from './ConfirmDialog';
import { FileProblemsDialog } from './FileProblemsDialog';
import { HelpDialog } from './HelpDialog';
import { RenameDialog } from './RenameDialog';
import { TrustDialog } from './TrustDialog';

/** The one dialog the editor shows at a time. */
export type EditorDialog =
  | IncomingDialog
  | { kind: 'help' }
  | { kind: 'rename'; name: string }
  | { kind: 'delete'; project: { id: string; name: string } };

export function EditorDialogs({
  dialog,
  onClose,
  onRename,
  onDelete,
  onTrust,
}: {
  dialog: EditorDialog | null;
  onClose(): void;
  onRename(name: string): void;
  onDelete(id: string): void;
  onTrust(doc: PipelineDocument, code: readonly UserCode[], allow: boolean): void;
}) {
  const { t } = useTranslation('editor');
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'help':
      return <HelpDialog onClose={onClose} />;
    case 'rename':
      return <RenameDialog name={dialog.name} onRename={onRename} onClose={onClose} />;
    case 'delete':
      return (
        <ConfirmDialog
          title={t('projects.deleteTitle')}
          body={t('projects.deleteBody', { name: dialog.project.name })}
          confirmLabel={t('common:actions.delete')}
          onConfirm={() => onDelete(dialog.project.id)}
          onClose={onClose}
        />
      );
    case 'trust':
      return (
        <TrustDialog
          doc={dialog.doc}
          code={dialog.code}
          onAllow={() => onTrust(dialog.doc, dialog.code, true)}
          onStrip={() => onTrust(dialog.doc, dialog.code, false)}
          onClose={onClose}
        />
      );
    case 'fileProblems':
      return (
        <FileProblemsDialog
          title={dialog.title}
          body={dialog.body}
          problems={dialog.problems}
          onClose={onClose}
        />
      );
  }
}
