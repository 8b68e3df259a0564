/**
 * Combines the watermarks and idle statuses of a subtask's input channels into one output,
 * as Flink's StatusWatermarkValve: the output watermark is the minimum over the channels
 * that are active and aligned, and never goes backwards. A channel that turns active again
 * behind the output watermark stays unaligned (out of the minimum) until it catches up.
 */
import { MIN_WATERMARK } from '../time';

export interface ValveOutput {
  emitWatermark(watermark: number): void;
  emitIdle(idle: boolean): void;
}

interface ChannelStatus {
  watermark: number;
  idle: boolean;
  aligned: boolean;
}

export interface ValveSnapshot {
  lastOutputWatermark: number;
  idle: boolean;
  channels: ChannelStatus[];
}

export class WatermarkValve {
  private readonly channels: ChannelStatus[];
  private lastOutputWatermark: number = MIN_WATERMARK;
  private idle = false;

  constructor(
    channelCount: number,
    private readonly output: ValveOutput,
  ) {
    this.channels = Array.from({ length: channelCount }, () => ({
      watermark: MIN_WATERMARK,
      idle: false,
      aligned: true,
    }));
  }

  get channelCount(): number {
    return this.channels.length;
  }

  get watermark(): number {
    return this.lastOutputWatermark;
  }

  get isIdle(): boolean {
    return this.idle;
  }

  inputWatermark(channel: number, watermark: number): void {
    const ch = this.channels[channel]!;
    // An idle channel's watermark is ignored, as is everything while the whole valve is idle.
    if (ch.idle || this.idle || watermark <= ch.watermark) return;
    ch.watermark = watermark;
    if (!ch.aligned && watermark >= this.lastOutputWatermark) ch.aligned = true;
    this.emitMinimumOfAlignedChannels();
  }

  inputIdle(channel: number, idle: boolean): void {
    const ch = this.channels[channel]!;
    if (ch.idle === idle) return;
    if (idle) {
      const wasAligned = ch.aligned;
      ch.idle = true;
      ch.aligned = false;
      if (this.channels.every((c) => c.idle)) {
        this.emitMaximumOfAllChannels();
        this.idle = true;
        this.output.emitIdle(true);
      } else if (wasAligned && ch.watermark === this.lastOutputWatermark) {
        // The channel that held the minimum left: the others may advance it now.
        this.emitMinimumOfAlignedChannels();
      }
    } else {
      ch.idle = false;
      ch.aligned = ch.watermark >= this.lastOutputWatermark;
      if (this.idle) {
        this.idle = false;
        this.output.emitIdle(false);
      }
    }
  }

  snapshot(): ValveSnapshot {
    return {
      lastOutputWatermark: this.lastOutputWatermark,
      idle: this.idle,
      channels: this.channels.map((c) => ({ ...c })),
    };
  }

  restore(s: ValveSnapshot): void {
    if (s.channels.length !== this.channels.length) {
      throw new Error(
        `Valve has ${this.channels.length} channels, snapshot has ${s.channels.length}`,
      );
    }
    this.lastOutputWatermark = s.lastOutputWatermark;
    this.idle = s.idle;
    s.channels.forEach((c, i) => Object.assign(this.channels[i]!, c));
  }

  private emitMinimumOfAlignedChannels(): void {
    let min = Infinity;
    let anyAligned = false;
    for (const c of this.channels) {
      if (c.aligned) {
        anyAligned = true;
        if (c.watermark < min) min = c.watermark;
      }
    }
    if (anyAligned && min > this.lastOutputWatermark) {
      this.lastOutputWatermark = min;
      this.output.emitWatermark(min);
    }
  }

  /** Every channel is idle: nothing can hold the watermark back any more. */
  private emitMaximumOfAllChannels(): void {
    let max = -Infinity;
    for (const c of this.channels) if (c.watermark > max) max = c.watermark;
    if (max > this.lastOutputWatermark) {
      this.lastOutputWatermark = max;
      this.output.emitWatermark(max);
    }
  }
}
