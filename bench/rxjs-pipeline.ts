/**
 * The same job as a JS developer would write it in RxJS 7: stamp each record with the
 * watermark, drop late records, group by window with a watermark-driven group lifetime,
 * then group by key and count.
 */
import {
  count,
  distinctUntilChanged,
  filter,
  from,
  groupBy,
  map,
  mergeMap,
  scan,
  share,
} from 'rxjs';
import type { BenchRecord, WindowCount } from './workload';
import { WINDOW_MS, watermarkFor, windowStartOf } from './workload';

interface Stamped {
  record: BenchRecord;
  watermark: number;
}

export function runRxjs(input: readonly BenchRecord[]): WindowCount[] {
  const results: WindowCount[] = [];
  const stamped$ = from(input).pipe(
    scan<BenchRecord, Stamped>(
      (prev, record) => ({
        record,
        watermark: Math.max(prev.watermark, watermarkFor(record.ts)),
      }),
      { record: null as unknown as BenchRecord, watermark: -Infinity },
    ),
    share(),
  );
  const watermark$ = stamped$.pipe(
    map((s) => s.watermark),
    distinctUntilChanged(),
  );
  const windowEnd = (ts: number) => windowStartOf(ts) + WINDOW_MS - 1;

  stamped$
    .pipe(
      filter((s) => windowEnd(s.record.ts) > s.watermark),
      groupBy((s) => windowStartOf(s.record.ts), {
        // A window closes once the watermark passes its end.
        duration: (window$) => watermark$.pipe(filter((w) => w >= window$.key + WINDOW_MS - 1)),
      }),
      mergeMap((window$) =>
        window$.pipe(
          groupBy((s) => s.record.key),
          mergeMap((key$) =>
            key$.pipe(
              count(),
              map((n) => ({ key: key$.key, windowStart: window$.key, count: n })),
            ),
          ),
        ),
      ),
    )
    .subscribe((r) => results.push(r));
  return results;
}
