/**
 * A canvas node's live figures during a run: records in and out, its watermark, and for
 * windows the open windows and state entries. Nothing shows for a node the run does not have.
 */
import { useTranslation } from 'react-i18next';
import type { OperatorProgress } from '../../worker/trace-batch';
import { formatCount, formatTime } from './format';
import { useRunStore } from './store/run-store';
import type { RunStoreState } from './store/run-store';

const selectorCache = new Map<string, (s: RunStoreState) => OperatorProgress | undefined>();

/** One selector per node uid, made once, so a node re-renders only when its figures change. */
function selectBadge(uid: string) {
  let selector = selectorCache.get(uid);
  if (selector === undefined) {
    selector = (s) => (s.phase === 'none' || s.phase === 'starting' ? undefined : s.badges[uid]);
    selectorCache.set(uid, selector);
  }
  return selector;
}

export function NodeRunBadges({ uid, kind }: { uid: string; kind: string }) {
  const { t } = useTranslation('run');
  const figures = useRunStore(selectBadge(uid));
  if (figures === undefined) return null;
  const source = kind.startsWith('source.');
  const windowed = kind === 'window' || kind === 'windowAll';
  const watermark = formatTime(figures.watermark);
  const label = t('badges.label', {
    in: figures.recordsIn,
    out: figures.recordsOut,
    watermark,
    windows: figures.openWindows,
    state: figures.stateEntries,
  });
  return (
    <div
      className="run-badges nodrag"
      data-testid={`badges-${uid}`}
      title={label}
      aria-label={label}
    >
      {!source && <Figure name={t('badges.in')} value={formatCount(figures.recordsIn)} />}
      {kind !== 'sink' && <Figure name={t('badges.out')} value={formatCount(figures.recordsOut)} />}
      {kind !== 'sink' && <Figure name={t('badges.watermark')} value={watermark} watermark />}
      {windowed && <Figure name={t('badges.windows')} value={formatCount(figures.openWindows)} />}
      {windowed && <Figure name={t('badges.state')} value={formatCount(figures.stateEntries)} />}
    </div>
  );
}

function Figure({
  name,
  value,
  watermark = false,
}: {
  name: string;
  value: string;
  watermark?: boolean;
}) {
  return (
    <span className={`run-badge${watermark ? ' run-badge--watermark' : ''}`}>
      <span className="run-badge__name">{name}</span>
      <span className="run-badge__value">{value}</span>
    </span>
  );
}
