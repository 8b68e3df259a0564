/**
 * The main thread's watchdog over the engine Worker. A user function that loops forever blocks
 * the Worker (never the page): while the engine is busy, the watchdog pings it, and when a ping
 * goes unanswered for too long it terminates the Worker, rejects every call left pending, finds
 * the operator the run hung in by replaying it in a fresh Worker (see hang-locator.ts), and
 * reports. `restart()` then starts a fresh engine.
 */
import * as Comlink from 'comlink';
import type { Endpoint, Remote } from 'comlink';
import type { EngineApi, RunOptions } from './engine-api';
import type { SessionConfig, TraceBatch } from './trace-batch';
import { isWatchdogNotice } from './watchdog-notice';
import type { PipelineDocument } from '../engine/pipeline/document';

export type Engine = Remote<EngineApi>;

/** A Worker, or anything that serves the engine API and can be stopped. */
export interface EngineWorker extends Endpoint {
  terminate(): void;
}

/** Why the engine was stopped, and where the run was. */
export interface HangReport {
  /** The operator whose function was running; null when the replay could not tell. */
  operatorUid: string | null;
  /** What was running: a run session, or a one-off `run`. */
  during: 'session' | 'run';
}

/** A call to an engine that was stopped (or is being replaced). */
export class EngineStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStoppedError';
  }
}

export interface WatchdogOptions {
  spawn: () => EngineWorker;
  /** How long a busy engine may leave a ping unanswered. */
  timeoutMs?: number;
  /**
   * The same while a one-off `run` or a compared run is pending: one long stretch of work
   * (sessions answer between slices), so a large input needs the longer allowance.
   */
  runTimeoutMs?: number;
  pingEveryMs?: number;
  /** How long a Worker that has not answered yet may take to load before it counts as hung. */
  startupMs?: number;
}

export type WatchdogState = 'ready' | 'locating' | 'stopped';

/** What the last job was, to replay it. */
interface LastJob {
  during: 'session' | 'run';
  doc: PipelineDocument;
  options: RunOptions;
}

interface Pending {
  method: string;
  reject: (e: Error) => void;
}

export class EngineWatchdog {
  /** The engine API, routed to the current Worker; calls made while it is stopped reject. */
  readonly engine: Engine;
  private worker!: EngineWorker;
  private remote!: Engine;
  private stateValue: WatchdogState = 'ready';
  private readonly pending = new Set<Pending>();
  private sessionPlaying = false;
  private lastJob: LastJob | null = null;
  private lastMark = 0;
  private ping: { sentAt: number } | null = null;
  /** Whether the current Worker has answered anything yet (until then it may be loading). */
  private alive = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly hangListeners = new Set<(report: HangReport) => void>();
  private readonly timeoutMs: number;
  private readonly runTimeoutMs: number;
  private readonly startupMs: number;

  constructor(private readonly options: WatchdogOptions) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.runTimeoutMs = options.runTimeoutMs ?? 60_000;
    this.startupMs = options.startupMs ?? 15_000;
    this.connect();
    this.engine = new Proxy({} as Engine, {
      get: (_, method) => {
        if (typeof method !== 'string' || method === 'then') return undefined;
        return (...args: unknown[]) => this.call(method, args);
      },
    });
    this.timer = setInterval(() => this.check(), options.pingEveryMs ?? 250);
  }

  get state(): WatchdogState {
    return this.stateValue;
  }

  /** Calls `listener` each time a hung engine was stopped and the replay has looked for why. */
  onHang(listener: (report: HangReport) => void): () => void {
    this.hangListeners.add(listener);
    return () => this.hangListeners.delete(listener);
  }

  /** A fresh Worker, after a hang (or at any time: calls in flight are rejected). */
  restart(): void {
    this.stop('The engine was restarted.');
    this.connect();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.stop('The engine was shut down.');
  }

  private connect(): void {
    this.worker = this.options.spawn();
    this.remote = Comlink.wrap<EngineApi>(this.worker);
    this.worker.addEventListener('message', (event) => {
      const data = (event as MessageEvent).data;
      if (isWatchdogNotice(data) && data.tidemarkWatchdog === 'mark') this.lastMark = data.records;
    });
    this.stateValue = 'ready';
    this.sessionPlaying = false;
    this.ping = null;
    this.alive = false;
  }

  private call(method: string, args: unknown[]): Promise<unknown> {
    if (this.stateValue !== 'ready') {
      return Promise.reject(
        new EngineStoppedError('The engine was stopped after it stopped answering: restart it.'),
      );
    }
    this.observe(method, args);
    // Callbacks (the trace batches' receiver) are called back across the boundary.
    const wired = args.map((a) =>
      typeof a === 'function' ? Comlink.proxy(this.watchBatches(a as (b: TraceBatch) => void)) : a,
    );
    const fn = (this.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
      method
    ]!;
    return new Promise((resolve, reject) => {
      const entry: Pending = { method, reject };
      this.pending.add(entry);
      fn(...wired).then(
        (value) => {
          this.alive = true;
          this.pending.delete(entry);
          resolve(value);
        },
        (error: unknown) => {
          this.pending.delete(entry);
          reject(error as Error);
        },
      );
    });
  }

  /** Remembers what a call starts, to know when the engine is busy and what to replay. */
  private observe(method: string, args: unknown[]): void {
    if (method === 'run') {
      this.lastJob = {
        during: 'run',
        doc: args[0] as PipelineDocument,
        options: args[1] as RunOptions,
      };
    } else if (method === 'compareRun') {
      // A compared side runs to its end like a one-off run: replayed to find where it hangs.
      const { time, parallelism, seed } = args[2] as SessionConfig;
      this.lastJob = {
        during: 'run',
        doc: args[1] as PipelineDocument,
        options: { time, parallelism, seed },
      };
    } else if (method === 'start' || method === 'restore') {
      const { time, parallelism, seed } = args[1] as SessionConfig;
      this.lastJob = {
        during: 'session',
        doc: args[0] as PipelineDocument,
        options: { time, parallelism, seed },
      };
      this.lastMark = 0;
    } else if (method === 'play') {
      this.sessionPlaying = true;
    } else if (method === 'pause' || method === 'cancel' || method === 'reset') {
      this.sessionPlaying = false;
    }
  }

  private watchBatches(onBatch: (batch: TraceBatch) => void): (batch: TraceBatch) => void {
    return (batch) => {
      this.sessionPlaying = batch.progress.state === 'running';
      onBatch(batch);
    };
  }

  /** The allowance for an unanswered ping now; null when the engine is not busy. */
  private allowance(): number | null {
    let busy = this.sessionPlaying;
    let running = false;
    for (const p of this.pending) {
      if (p.method === 'run' || p.method === 'compareRun') running = true;
      busy = true;
    }
    if (!busy) return null;
    const allowance = running ? this.runTimeoutMs : this.timeoutMs;
    return this.alive ? allowance : Math.max(allowance, this.startupMs);
  }

  private check(): void {
    if (this.stateValue !== 'ready') return;
    const allowance = this.allowance();
    if (allowance === null) {
      this.ping = null;
      return;
    }
    const now = performance.now();
    if (this.ping === null) {
      const ping = { sentAt: now };
      this.ping = ping;
      void this.remote.ping().then(
        () => {
          this.alive = true;
          if (this.ping === ping) this.ping = null;
        },
        () => undefined,
      );
    } else if (now - this.ping.sentAt > allowance) {
      void this.stopHung();
    }
  }

  private stop(reason: string): void {
    // No releaseProxy: it posts to the Worker, and a terminated Worker has nothing to release.
    this.worker.terminate();
    for (const p of this.pending) p.reject(new EngineStoppedError(reason));
    this.pending.clear();
    this.stateValue = 'stopped';
  }

  private async stopHung(): Promise<void> {
    const job = this.lastJob;
    const during = job?.during ?? 'session';
    this.stop(
      'The engine stopped answering (a function that never returns?) and was stopped: restart it.',
    );
    this.stateValue = 'locating';
    let operatorUid: string | null = null;
    if (job !== null) {
      // A session marked where its slices began; a one-off run is first replayed to find out.
      let from = during === 'session' ? this.lastMark : Infinity;
      if (from === Infinity) {
        const found = await this.replay(job, Infinity);
        from = found.hung ? found.mark : -1;
      }
      if (from >= 0) operatorUid = (await this.replay(job, from)).operatorUid;
    }
    // A restart while the replay looked for the operator has a fresh engine running already.
    if (this.stateValue === 'locating') this.stateValue = 'stopped';
    for (const listener of this.hangListeners) listener({ operatorUid, during });
  }

  /**
   * Replays `job` in a fresh Worker, naming operators from record `from` on, until it ends or
   * goes silent for the timeout; then stops that Worker.
   */
  private replay(
    job: LastJob,
    from: number,
  ): Promise<{ hung: boolean; mark: number; operatorUid: string | null }> {
    const worker = this.options.spawn();
    const remote = Comlink.wrap<EngineApi>(worker);
    let mark = 0;
    let operatorUid: string | null = null;
    let heard = performance.now();
    let loaded = false;
    worker.addEventListener('message', (event) => {
      const data = (event as MessageEvent).data;
      if (!isWatchdogNotice(data)) return;
      heard = performance.now();
      loaded = true;
      if (data.tidemarkWatchdog === 'mark') mark = data.records;
      else operatorUid = data.operatorUid;
    });
    return new Promise((resolve) => {
      let done = false;
      const finish = (hung: boolean) => {
        if (done) return;
        done = true;
        clearInterval(silence);
        worker.terminate();
        resolve({ hung, mark, operatorUid: hung ? operatorUid : null });
      };
      const silence = setInterval(() => {
        const allowance = loaded ? this.timeoutMs : Math.max(this.timeoutMs, this.startupMs);
        if (performance.now() - heard > allowance) finish(true);
      }, this.timeoutMs / 4);
      remote.replayToHang(job.doc, job.options, from).then(
        () => finish(false),
        () => finish(false),
      );
    });
  }
}
