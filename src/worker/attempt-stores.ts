/**
 * IndexedDB state databases for the attempts of a job master: a restarted attempt must not see
 * what the failed one wrote, so each gets a fresh database, and the failed one's is deleted.
 */
import type { MasterConfig } from '../engine/runtime/job-master';
import { IndexedDbKeyedStateBackend } from '../engine/state/indexeddb/backend';
import { StateStore } from '../engine/state/indexeddb/store';

export class AttemptStores {
  private readonly open: StateStore[] = [];

  constructor(
    private readonly factory: IDBFactory,
    /** Names the databases, unique per job. */
    private readonly name: string,
  ) {}

  readonly forAttempt: NonNullable<MasterConfig['keyedStateForAttempt']> = async (attempt) => {
    const store = await StateStore.open({
      factory: this.factory,
      name: `${this.name}-a${attempt}`,
    });
    // Earlier attempts have failed: nothing reads their state again.
    await this.destroyAll();
    this.open.push(store);
    return (operatorUid, keyGroupRange) =>
      new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
  };

  async destroyAll(): Promise<void> {
    const stores = this.open.splice(0);
    await Promise.all(stores.map((s) => s.destroy()));
  }
}
