import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CSSProperties, DragEvent } from 'react';
import type { OperatorKind } from '../../../engine/pipeline/document';
import { operatorRegistry, type OperatorMeta } from '../../../engine/pipeline/registry';
import {
  categoryColour,
  OPERATOR_DRAG_TYPE,
  categoryOrder,
  operatorIcons,
  operatorKey,
} from '../operator-look';
import { useEditor } from '../store/editor-store';
import { selectPaletteOpen, selectSetPrefs } from '../store/selectors';
import './palette.css';

const groups = categoryOrder.map((category) => ({
  category,
  metas: [...operatorRegistry.values()].filter((m) => m.category === category),
}));

/**
 * The operator kinds from the engine's registry, by category. Drag one onto the canvas, or
 * focus it and press Enter to add it in the middle of the view.
 */
export function Palette({ onAdd }: { onAdd(kind: OperatorKind): void }) {
  const { t } = useTranslation('editor');
  const open = useEditor(selectPaletteOpen);
  const setPrefs = useEditor(selectSetPrefs);
  const toggle = open ? t('palette.collapse') : t('palette.expand');
  return (
    <nav className={`palette${open ? '' : ' palette--collapsed'}`} aria-label={t('palette.title')}>
      <div className="palette__head">
        <h2 className="panel-title">{t('palette.title')}</h2>
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-label={toggle}
          title={toggle}
          onClick={() => setPrefs({ paletteOpen: !open })}
        >
          {open ? (
            <PanelLeftClose size={16} aria-hidden="true" />
          ) : (
            <PanelLeftOpen size={16} aria-hidden="true" />
          )}
        </button>
      </div>
      <p className="palette__hint">{t('palette.hint')}</p>
      {groups.map(({ category, metas }) => (
        <section key={category} className="palette__group" aria-labelledby={`palette-${category}`}>
          <h3 id={`palette-${category}`} className="palette__category">
            {t(`categories.${category}`)}
          </h3>
          <ul className="palette__list">
            {metas.map((meta) => (
              <PaletteItem key={meta.kind} meta={meta} onAdd={onAdd} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function PaletteItem({ meta, onAdd }: { meta: OperatorMeta; onAdd(kind: OperatorKind): void }) {
  const { t } = useTranslation('editor');
  const Icon = operatorIcons[meta.kind];
  const label = t(`${operatorKey(meta.kind)}.label`);
  const description = t(`${operatorKey(meta.kind)}.description`);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(OPERATOR_DRAG_TYPE, meta.kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className="palette__item"
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(meta.kind)}
        aria-label={t('palette.add', { label })}
        aria-description={description}
        title={`${label}: ${description}`}
        data-testid={`palette-${meta.kind}`}
        style={{ '--node-colour': categoryColour(meta.category) } as CSSProperties}
      >
        <span className="palette__icon" aria-hidden="true">
          <Icon size={16} />
        </span>
        <span className="palette__text">
          <span className="palette__label">{label}</span>
          <span className="palette__description">{description}</span>
        </span>
      </button>
    </li>
  );
}
