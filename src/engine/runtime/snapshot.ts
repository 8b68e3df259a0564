/**
 * Checkpoints and savepoints: everything needed to continue a job as if nothing happened.
 * Per source its offset and watermark state; per operator subtask its keyed state by key
 * group, its timers, and its watermark with its inputs' watermarks and alignment. (Flink
 * does not snapshot watermarks; keeping them makes a recovered run equal a failure-free one.)
 *
 * The file is JSON: `{"format", "version", "checksum", "body"}`, the body being the snapshot
 * with windows and infinities encoded as state serialization does. The checksum lets a
 * damaged file be told from a valid one; docs/savepoint-format.md describes every field.
 * The envelope and its checksum never change; bump SAVEPOINT_VERSION (the body's layout)
 * only together with a migration.
 */
import type { Key } from '../keygroups';
import type { KeyGroupState } from '../state/keyed-state';
import { serializeState } from '../state/serialization';
import { GlobalWindow, TimeWindow } from '../windowing/window';
import type { WindowId } from '../windowing/window';
import type { ValveSnapshot } from './watermark-valve';

export const SAVEPOINT_FORMAT = 'tidemark-savepoint';
export const SAVEPOINT_VERSION = 1;

export interface SourceState {
  offset: number;
  maxTimestamp: number;
  emittedWatermark: number;
  idle: boolean;
  lastArrival: number;
  nextPeriodic: number;
}

export interface TimerState {
  time: number;
  key: Key;
  keyGroup: number;
  namespace: unknown;
  namespaceId: WindowId;
}

export interface SubtaskState {
  index: number;
  valve: ValveSnapshot;
  eventTimers: TimerState[];
  processingTimers: TimerState[];
  keyGroups: KeyGroupState[];
}

export interface JobSnapshot {
  format: typeof SAVEPOINT_FORMAT;
  version: typeof SAVEPOINT_VERSION;
  /** The checkpoint (or savepoint) id; a restored job numbers its next one after it. */
  checkpointId: number;
  pipelineName: string;
  backend: 'heap' | 'indexeddb';
  maxParallelism: number;
  processingTime: number;
  sources: { uid: string; parallelism: number; subtasks: SourceState[] }[];
  operators: {
    uid: string;
    kind: string;
    /** What the state means, e.g. "window/tumbling/count"; must match on restore. */
    layout: string;
    parallelism: number;
    subtasks: SubtaskState[];
  }[];
}

/** Why a savepoint was refused; docs/savepoint-format.md lists them for users. */
export type SavepointErrorReason =
  /** The file has no content, or only whitespace. */
  | 'empty'
  /** Not JSON, and not recognisably a savepoint. */
  | 'not-json'
  /** JSON that ends before it is complete: the file was cut off. */
  | 'truncated'
  /** A savepoint changed after it was written: its checksum does not match, or is missing. */
  | 'corrupt'
  /** Valid JSON, but another program's file (or a Tidemark pipeline). */
  | 'foreign'
  /** Written by a newer Tidemark, with a layout this one cannot read. */
  | 'newer-version'
  /** A format version no Tidemark has written. */
  | 'unknown-version'
  /** A field is missing, of the wrong type, or contradicts another. */
  | 'damaged'
  /** A number of the right type with an impossible value. */
  | 'out-of-range'
  /** A valid savepoint that does not fit the job it is restored into. */
  | 'incompatible'
  /** The job has already run: only a fresh job can be restored. */
  | 'job-started';

export class SavepointError extends Error {
  constructor(
    message: string,
    readonly reason: SavepointErrorReason = 'incompatible',
  ) {
    super(message);
    this.name = 'SavepointError';
  }
}

/** Flink's upper bound: key groups are numbered in 15 bits. */
const MAX_MAX_PARALLELISM = 32_768;

export function serializeSnapshot(snapshot: JobSnapshot): string {
  const { format, version, ...body } = snapshot;
  const head = `${JSON.stringify(format)},${JSON.stringify(version)}`;
  const bodyText = serializeState(body);
  // The same text parseSnapshot hashes: JSON.stringify([format, version, body]).
  const checksum = fnv1a32(`[${head},${bodyText}]`);
  return `{"format":${JSON.stringify(format)},"version":${JSON.stringify(version)},"checksum":"${checksum}","body":${bodyText}}`;
}

/**
 * Reads a savepoint file, checking every field, and says in plain words what is wrong with a
 * bad one (a SavepointError with its reason). Parsing has no side effects: a refused file
 * leaves every job and all stored state as they were.
 */
export function parseSnapshot(text: string): JobSnapshot {
  const envelope = readEnvelope(readJson(text));
  verifyChecksum(envelope);
  checkVersion(envelope.version);
  return { format: SAVEPOINT_FORMAT, version: SAVEPOINT_VERSION, ...readBody(envelope.body) };
}

// --- The file: JSON, ours, intact, a version we read ---

function readJson(text: string): unknown {
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') {
    throw new SavepointError(
      json === ''
        ? 'This savepoint file is empty: it has no content at all.'
        : 'This savepoint file is empty: it holds only blank space.',
      'empty',
    );
  }
  try {
    return JSON.parse(json);
  } catch (e) {
    throw syntaxFailure(json, e);
  }
}

/** Cut short, damaged in the middle, or never JSON at all. */
function syntaxFailure(text: string, error: unknown): SavepointError {
  const problem = locateSyntaxError(text);
  if (problem?.endOfInput) {
    return new SavepointError(
      `This file is truncated: it ends after ${text.length} character${text.length === 1 ? '' : 's'}, before its JSON is complete. ` +
        'It was probably cut off while being saved, downloaded or copied.',
      'truncated',
    );
  }
  const where =
    problem === null
      ? error instanceof Error
        ? error.message
        : String(error)
      : `unexpected ${JSON.stringify(text[problem.at])} at ${lineAndColumn(text, problem.at)}`;
  // Our files start with the format and the checksum: a break after them is damage.
  if (/tidemark-savepoint|"checksum"/.test(text.slice(0, 200))) {
    return new SavepointError(
      `This savepoint is corrupt: it is no longer valid JSON (${where}). ` +
        'The file was damaged after it was written; restore from another copy.',
      'corrupt',
    );
  }
  return new SavepointError(`This file is not a savepoint: it is not JSON (${where}).`, 'not-json');
}

type Envelope = Partial<Record<'format' | 'version' | 'checksum' | 'body', unknown>>;

function readEnvelope(value: unknown): Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SavepointError(
      `This file is JSON but not a Tidemark savepoint: it holds ${show(value)}, not an object with "format": "${SAVEPOINT_FORMAT}".`,
      'foreign',
    );
  }
  const file = value as Record<string, unknown>;
  if (file.format === SAVEPOINT_FORMAT) return file;
  if ('checksum' in file && 'body' in file) {
    throw new SavepointError(
      `This savepoint is corrupt: its "format" reads ${show(file.format)} instead of "${SAVEPOINT_FORMAT}".`,
      'corrupt',
    );
  }
  if (Array.isArray(file.nodes) && Array.isArray(file.edges)) {
    throw new SavepointError(
      'This is a Tidemark pipeline, not a savepoint: open it as a pipeline instead.',
      'foreign',
    );
  }
  const fields = Object.keys(file).slice(0, 5);
  throw new SavepointError(
    file.format === undefined
      ? `This file is JSON but not a Tidemark savepoint: it has no "format" field (it has ${fields.length === 0 ? 'no fields' : fields.map((f) => JSON.stringify(f)).join(', ')}).`
      : `This file is JSON but not a Tidemark savepoint: its "format" is ${show(file.format)}, not "${SAVEPOINT_FORMAT}".`,
    'foreign',
  );
}

/** The checksum covers the version too, so a damaged version reads as damage. */
function verifyChecksum(file: Envelope): void {
  const stored = file.checksum;
  if (stored === undefined) {
    throw new SavepointError(
      'This savepoint has no checksum, so it cannot be checked for damage. Tidemark always ' +
        'writes one: the file was edited, or written by another program.',
      'corrupt',
    );
  }
  if (typeof stored !== 'string' || !/^[0-9a-f]{8}$/.test(stored)) {
    throw new SavepointError(
      `This savepoint is corrupt: its checksum ${show(stored)} is not 8 hexadecimal digits.`,
      'corrupt',
    );
  }
  const computed = fnv1a32(JSON.stringify([file.format, file.version, file.body]));
  if (computed !== stored) {
    throw new SavepointError(
      `This savepoint is corrupt: its contents do not match its checksum (stored ${stored}, computed ${computed}). ` +
        'The file was changed or damaged after it was written; restore from another copy.',
      'corrupt',
    );
  }
}

function checkVersion(version: unknown): void {
  if (version === SAVEPOINT_VERSION) return;
  if (typeof version === 'number' && Number.isInteger(version) && version > SAVEPOINT_VERSION) {
    throw new SavepointError(
      `This savepoint was written by a newer Tidemark (format version ${version}); this version ` +
        `reads version ${SAVEPOINT_VERSION}. Restore it with a newer Tidemark.`,
      'newer-version',
    );
  }
  throw new SavepointError(
    version === undefined
      ? `This savepoint has no format version; this version of Tidemark reads version ${SAVEPOINT_VERSION}.`
      : `This savepoint has format version ${show(version)}, which no version of Tidemark writes; this version reads version ${SAVEPOINT_VERSION}.`,
    'unknown-version',
  );
}

// --- The body: every field, with the path to the first one that is wrong ---

type Body = Omit<JobSnapshot, 'format' | 'version'>;

function readBody(value: unknown): Body {
  const b = object(value, 'body');
  const checkpointId = whole(b.checkpointId, 'checkpointId', 0, Number.MAX_SAFE_INTEGER);
  const pipelineName = string(b.pipelineName, 'pipelineName');
  if (b.backend !== 'heap' && b.backend !== 'indexeddb') {
    damaged('backend', '"heap" or "indexeddb"', b.backend);
  }
  const maxParallelism = whole(b.maxParallelism, 'maxParallelism', 1, MAX_MAX_PARALLELISM);
  const processingTime = time(b.processingTime, 'processingTime');
  if (processingTime < 0) outOfRange('processingTime', 'a time of at least 0', processingTime);
  const sources = list(b.sources, 'sources').map((s, i) =>
    readSource(s, `sources[${i}]`, maxParallelism),
  );
  const operators = list(b.operators, 'operators').map((o, i) =>
    readOperator(o, `operators[${i}]`, maxParallelism),
  );
  const seen = new Set<string>();
  for (const { uid } of [...sources, ...operators]) {
    if (seen.has(uid)) inconsistent(`the uid "${uid}" appears twice`);
    seen.add(uid);
  }
  return {
    checkpointId,
    pipelineName,
    backend: b.backend,
    maxParallelism,
    processingTime,
    sources,
    operators,
  };
}

function readSource(value: unknown, path: string, maxParallelism: number): Body['sources'][number] {
  const s = object(value, path);
  const uid = readUid(s.uid, `${path}.uid`);
  const parallelism = whole(s.parallelism, `${path}.parallelism`, 1, maxParallelism);
  const subtasks = list(s.subtasks, `${path}.subtasks`).map((t, i) => {
    const at = `${path}.subtasks[${i}]`;
    const st = object(t, at);
    return {
      offset: whole(st.offset, `${at}.offset`, 0, Number.MAX_SAFE_INTEGER),
      maxTimestamp: time(st.maxTimestamp, `${at}.maxTimestamp`),
      emittedWatermark: time(st.emittedWatermark, `${at}.emittedWatermark`),
      idle: boolean(st.idle, `${at}.idle`),
      lastArrival: time(st.lastArrival, `${at}.lastArrival`),
      nextPeriodic: time(st.nextPeriodic, `${at}.nextPeriodic`),
    };
  });
  if (subtasks.length !== parallelism) {
    inconsistent(
      `${path} ("${uid}") has ${subtaskCount(subtasks.length)} for parallelism ${parallelism}`,
    );
  }
  return { uid, parallelism, subtasks };
}

function readOperator(
  value: unknown,
  path: string,
  maxParallelism: number,
): Body['operators'][number] {
  const o = object(value, path);
  const uid = readUid(o.uid, `${path}.uid`);
  const kind = string(o.kind, `${path}.kind`);
  const layout = string(o.layout, `${path}.layout`);
  const parallelism = whole(o.parallelism, `${path}.parallelism`, 1, maxParallelism);
  const subtasks = list(o.subtasks, `${path}.subtasks`).map((t, i) =>
    readSubtask(t, `${path}.subtasks[${i}]`, parallelism, maxParallelism),
  );
  if (subtasks.length !== parallelism) {
    inconsistent(
      `${path} ("${uid}") has ${subtaskCount(subtasks.length)} for parallelism ${parallelism}`,
    );
  }
  const indices = new Set<number>();
  const keyGroups = new Set<number>();
  for (const s of subtasks) {
    if (indices.has(s.index)) inconsistent(`${path} ("${uid}") has subtask ${s.index} twice`);
    indices.add(s.index);
    for (const g of s.keyGroups) {
      if (keyGroups.has(g.keyGroup)) {
        inconsistent(`${path} ("${uid}") has key group ${g.keyGroup} twice`);
      }
      keyGroups.add(g.keyGroup);
    }
  }
  // Restoring finds a subtask's old state by its index.
  subtasks.sort((a, b) => a.index - b.index);
  return { uid, kind, layout, parallelism, subtasks };
}

function readSubtask(
  value: unknown,
  path: string,
  parallelism: number,
  maxParallelism: number,
): SubtaskState {
  const s = object(value, path);
  const index = whole(s.index, `${path}.index`, 0, parallelism - 1);
  const v = object(s.valve, `${path}.valve`);
  const valve: ValveSnapshot = {
    lastOutputWatermark: time(v.lastOutputWatermark, `${path}.valve.lastOutputWatermark`),
    idle: boolean(v.idle, `${path}.valve.idle`),
    channels: list(v.channels, `${path}.valve.channels`).map((c, i) => {
      const at = `${path}.valve.channels[${i}]`;
      const ch = object(c, at);
      return {
        watermark: time(ch.watermark, `${at}.watermark`),
        idle: boolean(ch.idle, `${at}.idle`),
        aligned: boolean(ch.aligned, `${at}.aligned`),
      };
    }),
  };
  const timers = (field: 'eventTimers' | 'processingTimers') =>
    list(s[field], `${path}.${field}`).map((t, i) => {
      const at = `${path}.${field}[${i}]`;
      const timer = object(t, at);
      return {
        time: time(timer.time, `${at}.time`),
        key: key(timer.key, `${at}.key`),
        keyGroup: keyGroup(timer.keyGroup, `${at}.keyGroup`, maxParallelism),
        namespace: present(timer.namespace, `${at}.namespace`),
        namespaceId: windowId(timer.namespaceId, `${at}.namespaceId`),
      };
    });
  const eventTimers = timers('eventTimers');
  const processingTimers = timers('processingTimers');
  const keyGroups = list(s.keyGroups, `${path}.keyGroups`).map((g, i) => {
    const at = `${path}.keyGroups[${i}]`;
    const group = object(g, at);
    return {
      keyGroup: keyGroup(group.keyGroup, `${at}.keyGroup`, maxParallelism),
      entries: list(group.entries, `${at}.entries`).map((e, j) => {
        const ea = `${at}.entries[${j}]`;
        const entry = object(e, ea);
        return {
          table: string(entry.table, `${ea}.table`),
          key: key(entry.key, `${ea}.key`),
          namespace: present(entry.namespace, `${ea}.namespace`),
          namespaceId: windowId(entry.namespaceId, `${ea}.namespaceId`),
          // An undefined state value is written as no field at all.
          value: decode(entry.value, `${ea}.value`),
        };
      }),
    };
  });
  return { index, valve, eventTimers, processingTimers, keyGroups };
}

// --- Field readers: each returns the value or throws with the field's path ---

function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) damaged(path, 'an object', v);
  return v as Record<string, unknown>;
}

function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) damaged(path, 'a list', v);
  return v;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') damaged(path, 'a string', v);
  return v;
}

function readUid(v: unknown, path: string): string {
  const uid = string(v, path);
  if (uid === '') damaged(path, 'a non-empty string', v);
  return uid;
}

function boolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') damaged(path, 'true or false', v);
  return v;
}

function number(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (isEncoded(v, '$number')) return decodeNumber(v, path);
  damaged(path, 'a number', v);
}

function whole(v: unknown, path: string, min: number, max: number): number {
  const n = number(v, path);
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    outOfRange(path, `a whole number ${range}`, n);
  }
  return n;
}

/** Times and watermarks may be -Infinity (nothing seen yet) or +Infinity (end of input). */
function time(v: unknown, path: string): number {
  const n = number(v, path);
  if (Number.isNaN(n)) outOfRange(path, 'a time, not NaN', n);
  return n;
}

function keyGroup(v: unknown, path: string, maxParallelism: number): number {
  const n = number(v, path);
  if (!Number.isInteger(n) || n < 0 || n >= maxParallelism) {
    outOfRange(
      path,
      `a key group from 0 to ${maxParallelism - 1}, below the savepoint's max parallelism of ${maxParallelism}`,
      n,
    );
  }
  return n;
}

function key(v: unknown, path: string): Key {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
    return v;
  }
  if (isEncoded(v, '$number')) return decodeNumber(v, path);
  damaged(path, 'a key (a string, number, true, false or null)', v);
}

function windowId(v: unknown, path: string): WindowId {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  damaged(path, 'a window id (a string or a finite number)', v);
}

function present(v: unknown, path: string): unknown {
  if (v === undefined) damaged(path, 'present', v);
  return decode(v, path);
}

// --- Encoded values, as state serialization writes them ---

function isEncoded(v: unknown, marker: '$number' | '$window'): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && marker in v;
}

function decodeNumber(v: Record<string, unknown>, path: string): number {
  const text = v.$number;
  if (text !== 'Infinity' && text !== '-Infinity' && text !== 'NaN') {
    damaged(`${path}.$number`, '"Infinity", "-Infinity" or "NaN"', text);
  }
  return Number(text);
}

/** A state value with its windows and infinities decoded, checking their encodings. */
function decode(v: unknown, path: string): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x, i) => decode(x, `${path}[${i}]`));
  const o = v as Record<string, unknown>;
  if (isEncoded(o, '$window')) {
    const w = o.$window;
    if (w === 'global') return GlobalWindow.instance;
    if (Array.isArray(w) && w.length === 2) {
      return new TimeWindow(time(w[0], `${path}.$window[0]`), time(w[1], `${path}.$window[1]`));
    }
    damaged(`${path}.$window`, '[start, end] or "global"', w);
  }
  if (isEncoded(o, '$number')) return decodeNumber(o, path);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x, `${path}.${k}`)]));
}

// --- Errors ---

function damaged(path: string, expected: string, value: unknown): never {
  throw new SavepointError(
    value === undefined
      ? `This savepoint is damaged: ${path} is missing.`
      : `This savepoint is damaged: ${path} must be ${expected} (it is ${show(value)}).`,
    'damaged',
  );
}

const subtaskCount = (n: number) => `${n} subtask${n === 1 ? '' : 's'}`;

function inconsistent(problem: string): never {
  throw new SavepointError(`This savepoint is damaged: ${problem}.`, 'damaged');
}

function outOfRange(path: string, expected: string, value: number): never {
  throw new SavepointError(
    `This savepoint has an impossible value: ${path} must be ${expected} (it is ${show(value)}).`,
    'out-of-range',
  );
}

/** A value as a message can quote it: short, and saying what it is. */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  return String(value);
}

// --- JSON syntax: where a text that JSON.parse refused goes wrong ---

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER_CHARACTERS = /[-+.\deE]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX_DIGIT = /[0-9a-fA-F]/;

type Expect = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'colon' | 'comma-or-close' | 'end';

/** A scan step: where it stopped, and whether what it read was well-formed. */
interface Scan {
  end: number;
  ok: boolean;
}

/**
 * Scans without recursion (a deep file must not overflow the stack). `endOfInput` tells a file
 * cut short from one with a wrong character; browsers word JSON.parse's errors differently.
 */
function locateSyntaxError(text: string): { at: number; endOfInput: boolean } | null {
  const n = text.length;
  const closers: string[] = [];
  const afterValue = (): Expect => (closers.length === 0 ? 'end' : 'comma-or-close');
  const wrong = (at: number) => ({ at, endOfInput: false });
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    while (i < n && JSON_WHITESPACE.has(text[i]!)) i++;
    if (i >= n) return expect === 'end' ? null : { at: n, endOfInput: true };
    const c = text[i]!;
    if (expect === 'end') return wrong(i);
    if (expect === 'colon') {
      if (c !== ':') return wrong(i);
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'comma-or-close') {
      const closer = closers[closers.length - 1];
      if (c === ',') expect = closer === '}' ? 'key' : 'value';
      else if (c === closer) closers.pop();
      else return wrong(i);
      i++;
      if (c !== ',') expect = afterValue();
      continue;
    }
    if ((expect === 'key-or-}' && c === '}') || (expect === 'value-or-]' && c === ']')) {
      closers.pop();
      i++;
      expect = afterValue();
      continue;
    }
    const wantsKey: boolean = expect === 'key' || expect === 'key-or-}';
    if (!wantsKey && (c === '{' || c === '[')) {
      closers.push(c === '{' ? '}' : ']');
      i++;
      expect = c === '{' ? 'key-or-}' : 'value-or-]';
      continue;
    }
    if (wantsKey && c !== '"') return wrong(i);
    const scan =
      c === '"'
        ? scanString(text, i)
        : c === '-' || (c >= '0' && c <= '9')
          ? scanNumber(text, i)
          : scanLiteral(text, i);
    if (!scan.ok) return { at: scan.end, endOfInput: scan.end >= n };
    i = scan.end;
    expect = wantsKey ? 'colon' : afterValue();
  }
}

function scanString(text: string, start: number): Scan {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') return { end: i + 1, ok: true };
    if (c < ' ') return { end: i, ok: false };
    if (c !== '\\') {
      i++;
      continue;
    }
    const escape = text[i + 1];
    if (escape === undefined) return { end: n, ok: false };
    if (escape === 'u') {
      for (let k = i + 2; k < i + 6; k++) {
        if (k >= n) return { end: n, ok: false };
        if (!HEX_DIGIT.test(text[k]!)) return { end: k, ok: false };
      }
      i += 6;
    } else if ('"\\/bfnrt'.includes(escape)) {
      i += 2;
    } else {
      return { end: i + 1, ok: false };
    }
  }
  return { end: n, ok: false };
}

function scanNumber(text: string, start: number): Scan {
  NUMBER_CHARACTERS.lastIndex = start;
  NUMBER_CHARACTERS.exec(text);
  const end = NUMBER_CHARACTERS.lastIndex;
  // A number running into the end of the text may be the start of a longer one.
  if (end >= text.length) return { end: text.length, ok: false };
  NUMBER.lastIndex = start;
  return NUMBER.exec(text) !== null && NUMBER.lastIndex === end
    ? { end, ok: true }
    : { end: start, ok: false };
}

function scanLiteral(text: string, start: number): Scan {
  const word = ['true', 'false', 'null'].find((w) => w[0] === text[start]);
  if (word === undefined) return { end: start, ok: false };
  for (let k = 0; k < word.length; k++) {
    if (start + k >= text.length) return { end: text.length, ok: false };
    if (text[start + k] !== word[k]) return { end: start + k, ok: false };
  }
  return { end: start + word.length, ok: true };
}

function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

// --- Checksum ---

/** FNV-1a, 32 bits, over the text's UTF-8 bytes, as 8 lowercase hexadecimal digits. */
function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  const add = (byte: number) => {
    h = Math.imul(h ^ byte, 0x01000193);
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      add(c);
      continue;
    }
    if (c < 0x800) {
      add(0xc0 | (c >> 6));
      add(0x80 | (c & 0x3f));
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
      add(0xf0 | (c >> 18));
      add(0x80 | ((c >> 12) & 0x3f));
    } else {
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate, as TextEncoder writes it
      add(0xe0 | (c >> 12));
    }
    add(0x80 | ((c >> 6) & 0x3f));
    add(0x80 | (c & 0x3f));
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
