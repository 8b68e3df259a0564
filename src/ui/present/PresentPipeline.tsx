/**
 * A shared pipeline presented (`#p=…&present=1`): decoded and checked by the worker like any
 * share link, with the code it carries shown before it may run, then run from the controls.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { TrustDialog } from '../editor/dialogs/TrustDialog';
import { withoutCode } from '../editor/model/without-code';
import { useEditor } from '../editor/store/editor-store';
import { runController } from '../run';
import { decodeShareLink, ShareLinkError } from '../share/share-link';
import { userCodeIn, type UserCode } from '../share/user-code';
import { engine } from '../../worker/client';
import { editorLink } from './present-link';
import { showUnsaved } from './present-host';
import { PresentLayout } from './PresentLayout';
import { PresentMissing } from './PresentMissing';
import { PresentRunControls } from './PresentRunControls';

type Arrival =
  | { kind: 'loading' }
  | { kind: 'trust'; doc: PipelineDocument; code: UserCode[] }
  | { kind: 'ready'; doc: PipelineDocument }
  | { kind: 'failed'; message: string };

export function PresentPipeline({
  hash,
  colorMode,
}: {
  hash: string;
  colorMode: 'light' | 'dark';
}) {
  const { t } = useTranslation('present');
  const arrival = useArrival(hash);
  const [decided, setDecided] = useState<Arrival | null>(null);
  const shown = decided ?? arrival;

  useEffect(() => {
    if (shown.kind === 'ready') showUnsaved(shown.doc);
  }, [shown]);

  if (shown.kind === 'failed') return <PresentMissing message={shown.message} />;
  if (shown.kind === 'loading') {
    return <div className="present present--missing" data-testid="presentation" aria-busy />;
  }
  if (shown.kind === 'trust') {
    return (
      <div className="present present--missing" data-testid="presentation">
        <TrustDialog
          doc={shown.doc}
          code={shown.code}
          onAllow={() => setDecided({ kind: 'ready', doc: shown.doc })}
          onStrip={() => setDecided({ kind: 'ready', doc: withoutCode(shown.doc, shown.code) })}
          onClose={() => setDecided({ kind: 'failed', message: t('notOpened') })}
        />
      </div>
    );
  }
  const run = () => void runController().run(useEditor.getState().doc);
  return (
    <PresentLayout
      title={shown.doc.name}
      editorHref={editorLink(hash, location.href)}
      colorMode={colorMode}
      side={<PresentRunControls onStart={run} onReset={() => void runController().reset()} />}
    />
  );
}

/** The link's pipeline, parsed by the worker, and whether it carries code to show first. */
function useArrival(hash: string): Arrival {
  const { t } = useTranslation('present');
  const [arrival, setArrival] = useState<Arrival>({ kind: 'loading' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fail = (message: string) => setArrival({ kind: 'failed', message });
    decodeShareLink(hash)
      .then(async (value) => {
        if (value === undefined) return fail(t('brokenLink'));
        const parsed = await engine().parse(JSON.stringify(value));
        if (!parsed.ok) return fail(t('brokenLink'));
        const code = userCodeIn(parsed.doc);
        setArrival(
          code.length === 0
            ? { kind: 'ready', doc: parsed.doc }
            : { kind: 'trust', doc: parsed.doc, code },
        );
      })
      .catch((error: unknown) =>
        fail(error instanceof ShareLinkError ? t(error.i18nKey, error.values) : t('brokenLink')),
      );
  }, [hash, t]);
  return arrival;
}
