/**
 * The key the runtime is processing, and its key group: what every keyed state read and
 * write is scoped by. Shared by the state backends, which differ only in where state lives.
 */
import type { Key, KeyGroupRange } from '../keygroups';

export abstract class CurrentKeyScope {
  private key: Key = null;
  private keyGroup: number;

  constructor(readonly keyGroupRange: KeyGroupRange) {
    this.keyGroup = keyGroupRange.start;
  }

  setCurrentKey(key: Key, keyGroup: number): void {
    this.key = key;
    this.keyGroup = keyGroup;
  }

  currentKey(): Key {
    return this.key;
  }

  currentKeyGroup(): number {
    return this.keyGroup;
  }
}
