/**
 * A's and B's results side by side, joined per window: value, firings and late records on
 * each side, rows that differ marked and the difference named. A row is a button: it
 * highlights its window in both timelines.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CompareSide } from '../../worker/engine-api';
import { showValue } from '../run';
import type { Comparison, DiffRow, SideCell } from './diff';
import { windowText } from './labels';

export function CompareTable({
  comparison,
  settings,
  operators,
  selected,
  onSelect,
}: {
  comparison: Comparison;
  /** Each side's setting, for the column groups' headings. */
  settings: Record<CompareSide, string>;
  /** Window operator uid to label, shown when there is more than one. */
  operators: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect(row: string | null): void;
}) {
  const { t } = useTranslation('compare');
  const { rows } = comparison;
  const showOperator = new Set(rows.map((r) => r.operator)).size > 1;
  if (rows.length === 0) {
    return <p className="compare-table__empty">{t('table.empty')}</p>;
  }
  return (
    <table className="compare-table" aria-label={t('table.label')} data-testid="compare-table">
      <thead>
        <tr>
          <th colSpan={showOperator ? 3 : 2} />
          {(['a', 'b'] as const).map((side) => (
            <th key={side} colSpan={3} scope="colgroup" className={`compare-table__side--${side}`}>
              <span className={`compare-badge compare-badge--${side}`}>{t(`side.${side}`)}</span>{' '}
              {settings[side]}
            </th>
          ))}
          <th />
        </tr>
        <tr>
          {showOperator && <th scope="col">{t('table.operator')}</th>}
          <th scope="col">{t('table.key')}</th>
          <th scope="col">{t('table.window')}</th>
          {(['a', 'b'] as const).map((side) => (
            <SideHeadings key={side} side={side} t={t} />
          ))}
          <th scope="col">{t('table.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row
            key={row.id}
            row={row}
            operator={showOperator ? (operators.get(row.operator) ?? row.operator) : null}
            selected={row.id === selected}
            onSelect={() => onSelect(row.id === selected ? null : row.id)}
            t={t}
          />
        ))}
      </tbody>
    </table>
  );
}

function SideHeadings({ side, t }: { side: CompareSide; t: TFunction<'compare'> }) {
  return (
    <>
      <th scope="col" className={`compare-table__first compare-table__side--${side}`}>
        {t('table.value')}
      </th>
      <th scope="col" className={`compare-table__side--${side}`}>
        {t('table.firings')}
      </th>
      <th scope="col" className={`compare-table__side--${side}`}>
        {t('table.late')}
      </th>
    </>
  );
}

function Row({
  row,
  operator,
  selected,
  onSelect,
  t,
}: {
  row: DiffRow;
  operator: string | null;
  selected: boolean;
  onSelect(): void;
  t: TFunction<'compare'>;
}) {
  const key = row.key === null ? t('table.noKey') : showValue(row.key);
  const window = windowText(t, row.start, row.end);
  return (
    <tr
      className={`compare-row compare-row--${row.kind}`}
      tabIndex={0}
      aria-selected={selected}
      aria-label={t('table.select', { window, key })}
      data-testid="compare-row"
      data-row={row.id}
      data-kind={row.kind}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      {operator !== null && <td>{operator}</td>}
      <td className="compare-table__key">{key}</td>
      <td className="compare-table__window">{window}</td>
      <Cells cell={row.a} side="a" changes={row.changes} t={t} />
      <Cells cell={row.b} side="b" changes={row.changes} t={t} />
      <td className="compare-table__difference" data-testid="compare-difference">
        {differenceText(row, t)}
      </td>
    </tr>
  );
}

function Cells({
  cell,
  side,
  changes,
  t,
}: {
  cell: SideCell | null;
  side: CompareSide;
  changes: DiffRow['changes'];
  t: TFunction<'compare'>;
}) {
  const mark = (change: DiffRow['changes'][number]) =>
    changes.includes(change) ? ' compare-table__changed' : '';
  if (cell === null) {
    return (
      <td colSpan={3} className="compare-table__first compare-table__missing" data-side={side}>
        —
      </td>
    );
  }
  return (
    <>
      <td className={`compare-table__first compare-table__value${mark('value')}`} data-side={side}>
        {showValue(cell.value)}
      </td>
      <td className={`compare-table__number${mark('firings')}`}>
        {t('table.times', { count: cell.firings })}
      </td>
      <td className={`compare-table__number${mark('late')}`}>{cell.late}</td>
    </>
  );
}

function differenceText(row: DiffRow, t: TFunction<'compare'>): string {
  if (row.kind !== 'changed') return t(`difference.${row.kind}`);
  return row.changes
    .map((change) => {
      if (change === 'value') return t('difference.value');
      if (change === 'firings')
        return t('difference.firings', { a: row.a?.firings, b: row.b?.firings });
      return t('difference.late', { a: row.a?.late, b: row.b?.late });
    })
    .join(' · ');
}
