import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every keyboard shortcut, grouped; opened with "?". */
const SHORTCUTS: readonly {
  group: string;
  items: readonly { keys: string[]; action: string }[];
}[] = [
  {
    group: 'editing',
    items: [
      { keys: [`${mod}+Z`], action: 'undo' },
      { keys: [`Shift+${mod}+Z`, `${mod}+Y`], action: 'redo' },
      { keys: [`${mod}+C`], action: 'copy' },
      { keys: [`${mod}+V`], action: 'paste' },
      { keys: [`${mod}+D`], action: 'duplicate' },
      { keys: ['Delete', 'Backspace'], action: 'delete' },
      { keys: [`${mod}+A`], action: 'selectAll' },
    ],
  },
  {
    group: 'canvas',
    items: [
      { keys: [`${mod}+click`, 'Shift+drag'], action: 'multiSelect' },
      { keys: ['Shift+F'], action: 'fitView' },
      { keys: ['Shift+L'], action: 'autoLayout' },
      { keys: ['Enter'], action: 'addFromPalette' },
      { keys: ['Shift+F10'], action: 'contextMenu' },
      { keys: ['Escape'], action: 'clearSelection' },
    ],
  },
  {
    group: 'app',
    items: [
      { keys: [`${mod}+Enter`], action: 'run' },
      { keys: ['?'], action: 'help' },
    ],
  },
];

export function HelpDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('editor');
  return (
    <Modal title={t('help.title')} onClose={onClose} wide testId="help-dialog">
      <p className="modal__lede">{t('help.intro')}</p>
      <div className="shortcuts">
        {SHORTCUTS.map(({ group, items }) => (
          <section key={group} className="shortcuts__group">
            <h3>{t(`help.groups.${group}`)}</h3>
            <dl>
              {items.map(({ keys, action }) => (
                <div key={action} className="shortcuts__row">
                  <dt>{t(`help.actions.${action}`)}</dt>
                  <dd>
                    {keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
