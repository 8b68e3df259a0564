/** Map, filter and flatMap: one record in, zero or more out; watermarks pass through. */
import type { OperatorContext, StreamOperator } from '../runtime/operator';

export class MapOperator implements StreamOperator {
  constructor(
    private readonly ctx: OperatorContext,
    private readonly fn: (value: unknown) => unknown,
  ) {}

  processElement(value: unknown, timestamp: number): void {
    this.ctx.output.collect(this.fn(value), timestamp);
  }

  processWatermark(watermark: number): void {
    this.ctx.output.emitWatermark(watermark);
  }
}

export class FilterOperator implements StreamOperator {
  constructor(
    private readonly ctx: OperatorContext,
    private readonly predicate: (value: unknown) => unknown,
  ) {}

  processElement(value: unknown, timestamp: number): void {
    if (this.predicate(value)) this.ctx.output.collect(value, timestamp);
  }

  processWatermark(watermark: number): void {
    this.ctx.output.emitWatermark(watermark);
  }
}

export class FlatMapOperator implements StreamOperator {
  constructor(
    private readonly ctx: OperatorContext,
    private readonly fn: (value: unknown) => unknown,
  ) {}

  processElement(value: unknown, timestamp: number): void {
    const out = this.fn(value);
    if (out === null || out === undefined) return;
    if (typeof out !== 'object' || !(Symbol.iterator in out)) {
      throw new Error(
        `FlatMap "${this.ctx.uid}" must return an array (or other iterable) of records, got ${typeof out}`,
      );
    }
    for (const v of out as Iterable<unknown>) this.ctx.output.collect(v, timestamp);
  }

  processWatermark(watermark: number): void {
    this.ctx.output.emitWatermark(watermark);
  }
}

/** Hands every record to the job's result listeners. */
export class SinkOperator implements StreamOperator {
  constructor(
    private readonly ctx: OperatorContext,
    private readonly deliver: (value: unknown, timestamp: number, subtask: number) => void,
  ) {}

  processElement(value: unknown, timestamp: number): void {
    this.deliver(value, timestamp, this.ctx.subtaskIndex);
  }

  processWatermark(watermark: number): void {
    this.ctx.output.emitWatermark(watermark);
  }
}
