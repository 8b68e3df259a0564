/**
 * A guided demo as data: a pipeline, the run configuration it needs, a script of steps, and
 * the outcome its text claims, which a test checks against the engine. The files live in the
 * top-level `demos/` folder, one per demo, with their text in every language.
 */
import type { JsonValue, PipelineDocument } from '../../engine/pipeline/document';
import type { SessionConfig } from '../../worker/trace-batch';
import type { Language } from '../i18n/languages';

/** One text in every language the UI speaks. */
export type Localized = Record<Language, string>;

/** Bottom panels a step can point at: the player brings them into view. */
export const DEMO_PANELS = ['timeline', 'results', 'checkpoints', 'savepoints'] as const;
export type DemoPanel = (typeof DEMO_PANELS)[number];

/** Named parts of the editor a step can point at; any other highlight is a node uid. */
export const DEMO_AREAS = [...DEMO_PANELS, 'run-bar', 'compare'] as const;
export type DemoArea = (typeof DEMO_AREAS)[number];

export const isDemoPanel = (area: string): area is DemoPanel =>
  (DEMO_PANELS as readonly string[]).includes(area);

/**
 * Where the run stops when a step opens: at a processing time (records arriving exactly then
 * are next), after the next window firing, or at the end of the input.
 */
export type DemoPause = number | 'firing' | 'end';

export interface DemoQuestion {
  prompt: Localized;
  choices: Localized[];
  /** Index of the right choice. */
  answer: number;
  explanation: Localized;
}

/**
 * What the player does on reaching a step, before the run moves to the step's pause point:
 * - `injectFailure`: the job fails on the record the demo's `failAfterRecords` counts (now, when
 *   it names none), and restarts under the run's checkpointing;
 * - `takeSavepoint`: a savepoint of the run where it is, kept in the Savepoints tab;
 * - `changeParam`: the demo's `savepoint.params`, as parameter edits of the open pipeline;
 * - `restoreSavepoint`: the savepoint this demo took, into the pipeline as it is now, after the
 *   compatibility dry run (shown in the step card);
 * - `openCompare`: compare mode, the same input under event time and under processing time.
 */
export const DEMO_ACTIONS = [
  'injectFailure',
  'takeSavepoint',
  'changeParam',
  'restoreSavepoint',
  'openCompare',
] as const;
export type DemoAction = (typeof DEMO_ACTIONS)[number];

export interface DemoStep {
  text: Localized;
  /** A named area (`DEMO_AREAS`) or a node uid. */
  highlight?: string;
  action?: DemoAction;
  pause?: DemoPause;
  /** Switches to one of the demo's variants before the run restarts for this step. */
  variant?: string;
  question?: DemoQuestion;
}

/** Parameter changes by node uid. */
export type ParamsPatch = Record<string, Record<string, JsonValue>>;

/** The run configuration a demo needs (the rest comes from the run defaults). */
export type DemoConfig = Partial<Omit<SessionConfig, 'speed' | 'seed'>>;

/** What a sink received, as the outcome states it. */
export interface ClaimedResult {
  sink: string;
  subtask: number;
  value: JsonValue;
  processingTime: number;
}

/** The same pipeline with other parameters or configuration, and what it gives then. */
export interface DemoVariant {
  name: string;
  config?: DemoConfig;
  params?: ParamsPatch;
  results: ClaimedResult[];
}

export interface DemoOutcome {
  text: Localized;
  /** Every result in order, under the demo's own pipeline and configuration. */
  results: ClaimedResult[];
  variants?: DemoVariant[];
  /** Key group of each key (out of the default maximum parallelism). */
  keyGroups?: Record<string, number>;
  /** The checkpoint the restart after the demo's failure restores. */
  restoredCheckpoint?: number;
}

export interface Demo {
  id: string;
  /** Position in the gallery. */
  order: number;
  icon: DemoIcon;
  tags: DemoTag[];
  title: Localized;
  summary: Localized;
  config: DemoConfig;
  pipeline: PipelineDocument;
  /** Run up to this processing time instead of to the end (sources that never end). */
  runUntil?: number;
  /** The job fails once after this many records (exactly-once demos). */
  failAfterRecords?: number;
  /** A savepoint at a processing time, restored into the job with these parameters changed. */
  savepoint?: { at: number; params: ParamsPatch };
  steps: DemoStep[];
  outcome: DemoOutcome;
}

export const DEMO_TAGS = [
  'eventTime',
  'processingTime',
  'watermarks',
  'lateData',
  'sideOutput',
  'allowedLateness',
  'slidingWindows',
  'sessionWindows',
  'idleness',
  'keyBy',
  'parallelism',
  'checkpoints',
  'exactlyOnce',
  'savepoints',
  'stateBackends',
] as const;
export type DemoTag = (typeof DEMO_TAGS)[number];

export const DEMO_ICONS = [
  'clock',
  'waves',
  'hourglass',
  'rotate',
  'layers',
  'merge',
  'pause',
  'split',
  'shield',
  'save',
  'database',
] as const;
export type DemoIcon = (typeof DEMO_ICONS)[number];
