/**
 * A scripted input's steps at a glance: how many records, watermark steps and processing-time
 * steps; they are edited step by step in the Input tab, which the button opens.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamSpec } from '../../engine/pipeline/params';
import { useEditor } from '../editor/store/editor-store';
import { selectSetPrefs } from '../editor/store/selectors';
import { summarizeScript } from '../input/script-steps';
import { describedBy, FieldFrame } from './FieldFrame';
import type { ParamFieldProps, ParamText } from './param-props';

export function ScriptParam({
  spec,
  value,
  problems,
  text,
}: ParamFieldProps<Extract<ParamSpec, { type: 'script' }>> & { text: ParamText }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const setPrefs = useEditor(selectSetPrefs);
  const steps = Array.isArray(value) ? value : [];
  const summary = summarizeScript(steps);
  return (
    <FieldFrame id={id} label={text.label} help={text.help} problems={problems}>
      <div className="insp-script" data-testid={`param-${spec.name}`}>
        <p id={id} className="insp-script-summary">
          {steps.length === 0
            ? t('script.empty')
            : [
                t('script.records', { count: summary.records }),
                t('script.watermarks', { count: summary.watermarks }),
                t('script.clock', { count: summary.clockSteps }),
              ].join(' · ')}
        </p>
        <button
          type="button"
          className="button"
          aria-describedby={describedBy({ id, help: text.help, problems })}
          data-testid="script-edit"
          onClick={() => setPrefs({ bottomTab: 'input', bottomOpen: true })}
        >
          {t('script.edit')}
        </button>
      </div>
    </FieldFrame>
  );
}
