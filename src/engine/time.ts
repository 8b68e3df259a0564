/**
 * Time in the engine. Event time and processing time are both milliseconds, but branded
 * so one cannot be passed where the other is meant.
 */
export type EventTime = number & { readonly __time: 'event' };
export type ProcessingTime = number & { readonly __time: 'processing' };

/** Flink's Long.MIN_VALUE watermark: nothing is known yet. */
export const MIN_WATERMARK = -Infinity as EventTime;
/** Flink's Long.MAX_VALUE watermark: the input has ended. */
export const MAX_WATERMARK = Infinity as EventTime;

export const eventTime = (ms: number): EventTime => ms as EventTime;
export const processingTime = (ms: number): ProcessingTime => ms as ProcessingTime;

export type TimeCharacteristic = 'event' | 'processing';
