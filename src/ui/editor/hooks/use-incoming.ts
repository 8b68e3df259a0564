/**
 * Pipelines that arrive from outside, a file or a share link: parsed by the engine worker,
 * refused with their problems, or opened as a new project once the user has seen any code
 * they carry.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { Problem } from '../../../engine/pipeline/problems';
import { decodeShareLink, ShareLinkError } from '../../share/share-link';
import { userCodeIn, type UserCode } from '../../share/user-code';
import { engine } from '../../../worker/client';
import { withoutCode } from '../model/without-code';
import { createProject, storageFailure } from '../projects/project-lifecycle';

export type IncomingDialog =
  | { kind: 'trust'; doc: PipelineDocument; code: UserCode[] }
  | { kind: 'fileProblems'; title: string; body: string; problems: readonly Problem[] };

export function useIncoming({
  show,
  notify,
  opened,
}: {
  show(dialog: IncomingDialog): void;
  notify(message: string): void;
  /** Called once a pipeline is open (to fit it in view). */
  opened(): void;
}) {
  const { t } = useTranslation('editor');

  const open = useCallback(
    (doc: PipelineDocument) =>
      createProject(doc).then(
        () => {
          notify(t('files.imported', { name: doc.name }));
          opened();
        },
        (error: unknown) => {
          const failure = storageFailure(error);
          notify(t(failure.key, failure.values));
        },
      ),
    [notify, opened, t],
  );

  /** Opens a parsed document, asking first if it has code. */
  const receive = useCallback(
    (doc: PipelineDocument) => {
      const code = userCodeIn(doc);
      if (code.length === 0) void open(doc);
      else show({ kind: 'trust', doc, code });
    },
    [open, show],
  );

  const importFile = useCallback(
    async (file: File) => {
      const parsed = await engine().parse(await file.text());
      if (parsed.ok) receive(parsed.doc);
      else
        show({
          kind: 'fileProblems',
          title: t('files.importFailedTitle'),
          body: t('files.importFailedBody', { file: file.name }),
          problems: parsed.problems,
        });
    },
    [receive, show, t],
  );

  /** Opens the pipeline in a `#p=` link, then drops the fragment so a reload does not repeat it. */
  const openSharedLink = useCallback(async () => {
    if (!location.hash.startsWith('#p=')) return;
    const hash = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    const failed = (body: string, problems: readonly Problem[]) =>
      show({ kind: 'fileProblems', title: t('files.linkFailedTitle'), body, problems });
    try {
      const value = await decodeShareLink(hash);
      if (value === undefined) return;
      const parsed = await engine().parse(JSON.stringify(value));
      if (parsed.ok) receive(parsed.doc);
      else failed(t('files.linkFailedBody'), parsed.problems);
    } catch (error) {
      failed(
        error instanceof ShareLinkError
          ? t(error.i18nKey, error.values)
          : t('files.linkFailedBody'),
        [],
      );
    }
  }, [receive, show, t]);

  const trust = useCallback(
    (doc: PipelineDocument, code: readonly UserCode[], allow: boolean) =>
      void open(allow ? doc : withoutCode(doc, code)),
    [open],
  );

  return { importFile, openSharedLink, trust };
}
