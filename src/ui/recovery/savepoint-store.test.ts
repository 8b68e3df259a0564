import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavepointMeta } from '../../worker/recovery-types';
import { SavepointStore } from './savepoint-store';

const meta = (checkpointId: number, parallelisms: number[]): SavepointMeta => ({
  pipelineName: 'clicks',
  checkpointId,
  takenAt: 1000,
  processingTime: 50,
  backend: 'indexeddb',
  maxParallelism: 128,
  operators: parallelisms.map((p, i) => ({
    uid: `op${i}`,
    kind: 'map',
    parallelism: p,
    entries: 1,
  })),
  bytes: 3,
  jsonBytes: 10,
  compressed: true,
  formatVersion: 1,
});

let n = 0;
let store: SavepointStore;
const fresh = () => (store = new SavepointStore(`savepoints-test-${n++}`));

afterEach(() => store.close());

describe('the savepoint list', () => {
  it('keeps files with their summary and lists the newest first', async () => {
    fresh();
    const first = await store.add('a.sp', new Uint8Array([1, 2, 3]), meta(1, [1, 2]), 100);
    await store.add('b.sp', new Uint8Array([4, 5]), meta(2, [4]), 200);
    expect(first).toMatchObject({
      name: 'a.sp',
      pipeline: 'clicks',
      bytes: 3,
      backend: 'indexeddb',
      parallelism: 2,
      checkpointId: 1,
      savedAt: 100,
    });
    expect(first).not.toHaveProperty('file');
    const listed = await store.list();
    expect(listed.map((s) => s.name)).toEqual(['b.sp', 'a.sp']);
    expect(listed[0]?.parallelism).toBe(4);
    expect(Array.from((await store.file(first.id)) ?? [])).toEqual([1, 2, 3]);
  });

  it('deletes one savepoint and leaves the rest', async () => {
    fresh();
    const a = await store.add('a.sp', new Uint8Array([1]), meta(1, [1]), 1);
    const b = await store.add('b.sp', new Uint8Array([2]), meta(2, [1]), 2);
    await store.remove(a.id);
    expect((await store.list()).map((s) => s.id)).toEqual([b.id]);
    expect(await store.file(a.id)).toBeNull();
  });

  it('reads what another connection to the same database kept', async () => {
    fresh();
    const name = `savepoints-test-${n - 1}`;
    await store.add('a.sp', new Uint8Array([9]), meta(3, [1]), 5);
    store.close();
    store = new SavepointStore(name);
    expect((await store.list()).map((s) => s.checkpointId)).toEqual([3]);
  });
});
