/** Runs async tasks one at a time, in call order. A failed task does not stop the ones after it. */
export class SerialQueue {
  /** Settles when the last task does, holding nothing: a task's result may be large. */
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
