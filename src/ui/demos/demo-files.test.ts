import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../i18n/resources';
import { demos } from './catalogue';
import {
  DEMO_ACTIONS,
  DEMO_AREAS,
  DEMO_ICONS,
  DEMO_TAGS,
  type Demo,
  type DemoStep,
  type Localized,
} from './demo';

/** Every localized text in a demo, named by where it sits. */
function texts(demo: Demo): [string, Localized][] {
  const all: [string, Localized][] = [
    ['title', demo.title],
    ['summary', demo.summary],
    ['outcome', demo.outcome.text],
  ];
  demo.steps.forEach((step, i) => {
    all.push([`step ${i + 1}`, step.text]);
    if (step.question === undefined) return;
    all.push([`step ${i + 1} question`, step.question.prompt]);
    all.push([`step ${i + 1} explanation`, step.question.explanation]);
    step.question.choices.forEach((c, j) => all.push([`step ${i + 1} choice ${j + 1}`, c]));
  });
  return all;
}

/** The processing time the run stands at when `steps` have been played (0 before any pause). */
function standsAt(steps: readonly DemoStep[]): number | 'firing' | 'end' {
  return steps.findLast((s) => s.pause !== undefined)?.pause ?? 0;
}

describe.each(demos.map((d) => [d.id, d] as const))('demo file %s', (id, demo) => {
  it('is named by its id and runs a document of the current version', () => {
    expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(demo.pipeline.version).toBe(1);
    expect(demo.steps.length).toBeGreaterThanOrEqual(3);
  });

  it('says everything in every language', () => {
    for (const [where, text] of texts(demo)) {
      expect(Object.keys(text).sort(), where).toEqual([...SUPPORTED_LANGUAGES].sort());
      for (const lng of SUPPORTED_LANGUAGES)
        expect(text[lng].trim(), `${where} ${lng}`).not.toBe('');
    }
  });

  it('writes its Chinese in Chinese', () => {
    for (const [where, text] of texts(demo)) {
      if (/[a-z]{4}/i.test(text.en.replace(/\b(ts|at|uid|value|busy|quiet|big|keyBy)\b/g, ''))) {
        expect(text['zh-CN'], where).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('highlights nodes it has or named areas, and switches only to variants it has', () => {
    const uids = new Set(demo.pipeline.nodes.map((n) => n.uid));
    const variants = new Set((demo.outcome.variants ?? []).map((v) => v.name));
    for (const step of demo.steps) {
      if (step.highlight !== undefined) {
        const named = (DEMO_AREAS as readonly string[]).includes(step.highlight);
        expect(named || uids.has(step.highlight), step.highlight).toBe(true);
      }
      if (step.variant !== undefined) expect(variants.has(step.variant), step.variant).toBe(true);
    }
  });

  it('pauses at a processing time, a firing or the end, and asks answerable questions', () => {
    for (const step of demo.steps) {
      if (typeof step.pause === 'number') expect(step.pause).toBeGreaterThanOrEqual(0);
      else if (step.pause !== undefined) expect(['firing', 'end']).toContain(step.pause);
      if (step.question === undefined) continue;
      expect(step.question.choices.length).toBeGreaterThanOrEqual(2);
      expect(step.question.answer).toBeGreaterThanOrEqual(0);
      expect(step.question.answer).toBeLessThan(step.question.choices.length);
    }
    // A run that never ends cannot be played to its end.
    if (demo.runUntil !== undefined) expect(demo.steps.map((s) => s.pause)).not.toContain('end');
  });

  it('acts as its outcome runs: the failure it counts, a savepoint where it says, restored after the change', () => {
    const actions = demo.steps.map((s) => s.action);
    for (const action of actions) if (action !== undefined) expect(DEMO_ACTIONS).toContain(action);
    const at = (action: string) => actions.indexOf(action as never);
    const fails = at('injectFailure');
    expect(fails >= 0, 'injectFailure').toBe(demo.failAfterRecords !== undefined);
    if (demo.failAfterRecords !== undefined) {
      expect(demo.config.checkpointing?.mode).not.toBe('off');
      // Armed before the record it fails on has arrived.
      const now = standsAt(demo.steps.slice(0, fails));
      expect(typeof now).toBe('number');
      const source = demo.pipeline.nodes.find((n) => n.kind === 'source.list');
      const records = (source?.params.records ?? []) as { at: number }[];
      expect(records.filter((r) => r.at <= Number(now)).length).toBeLessThan(demo.failAfterRecords);
    }
    // A seek replays the session from its start, which would lose an armed failure or a restore.
    const kept = Math.min(...[fails, at('restoreSavepoint')].filter((i) => i >= 0));
    for (const step of demo.steps.slice(kept)) expect(typeof step.pause).not.toBe('number');
    const [take, change, restore] = [
      at('takeSavepoint'),
      at('changeParam'),
      at('restoreSavepoint'),
    ];
    if (demo.savepoint === undefined) {
      expect([take, change, restore]).toEqual([-1, -1, -1]);
      return;
    }
    expect(take).toBeGreaterThanOrEqual(0);
    expect(change).toBeGreaterThan(take);
    expect(restore).toBeGreaterThan(change);
    expect(standsAt(demo.steps.slice(0, take))).toBe(demo.savepoint.at);
    expect(demo.steps.some((s) => s.variant !== undefined)).toBe(false);
    const uids = new Set(demo.pipeline.nodes.map((n) => n.uid));
    for (const uid of Object.keys(demo.savepoint.params)) expect(uids.has(uid), uid).toBe(true);
  });

  it('has a known icon and known tags', () => {
    expect(DEMO_ICONS).toContain(demo.icon);
    expect(demo.tags.length).toBeGreaterThan(0);
    for (const tag of demo.tags) expect(DEMO_TAGS).toContain(tag);
  });
});

it('covers every concept the gallery promises', () => {
  const tags = new Set(demos.flatMap((d) => d.tags));
  for (const tag of DEMO_TAGS) expect(tags.has(tag), tag).toBe(true);
});
