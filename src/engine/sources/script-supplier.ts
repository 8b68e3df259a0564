/**
 * A scripted input as source items (Beam's TestStream): every record and every control step
 * is one item at one offset, so a checkpoint's offset rewinds the script exactly. The script's
 * clock starts at 0; each item arrives at the clock's reading when its step is reached.
 */
import type { JsonValue } from '../pipeline/document';
import { scriptStepKind } from '../pipeline/params';
import { MAX_WATERMARK } from '../time';
import { deepFreeze, SourceDataError } from './record-supplier';
import type { RecordSupplier, SourceItem } from './record-supplier';

export function scriptItems(
  uid: string,
  steps: readonly JsonValue[],
  timestampField: string,
): SourceItem[] {
  const items: SourceItem[] = [];
  let clock = 0;
  steps.forEach((step, i) => {
    const fail = (what: string) => {
      throw new SourceDataError(uid, `Step ${i + 1} of scripted input "${uid}" ${what}.`);
    };
    const s = step as Record<string, JsonValue>;
    switch (scriptStepKind(step)) {
      case 'add':
        for (const record of s.add as JsonValue[]) {
          const ts = (record as Record<string, JsonValue> | null)?.[timestampField];
          if (typeof ts !== 'number') {
            fail(`adds ${JSON.stringify(record)}, which has no number in "${timestampField}"`);
          }
          items.push({ at: clock, ts: ts as number, value: deepFreeze(record) });
        }
        break;
      case 'advanceWatermark':
        items.push({ control: 'watermark', at: clock, watermark: s.advanceWatermark as number });
        break;
      case 'advanceProcessingTime':
        clock += s.advanceProcessingTime as number;
        items.push({ control: 'clock', at: clock });
        break;
      case 'advanceWatermarkToInfinity':
        items.push({ control: 'watermark', at: clock, watermark: MAX_WATERMARK });
        break;
      case null:
        fail(`is not a step: ${JSON.stringify(step)}`);
    }
  });
  return items;
}

export function scriptSupplier(
  uid: string,
  steps: readonly JsonValue[],
  timestampField: string,
): RecordSupplier {
  const items = scriptItems(uid, steps, timestampField);
  return { recordAt: (offset) => items[offset] ?? null };
}

/** How many records a script adds (its control steps are not records). */
export function scriptRecordCount(steps: readonly JsonValue[]): number {
  let n = 0;
  for (const step of steps) {
    if (scriptStepKind(step) === 'add') n += (step as { add: JsonValue[] }).add.length;
  }
  return n;
}
