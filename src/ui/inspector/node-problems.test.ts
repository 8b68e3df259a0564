import { describe, expect, it } from 'vitest';
import type { Problem } from '../../engine/pipeline/problems';
import { edgeProblems, nodeProblems } from './node-problems';

const p = (code: Problem['code'], at: Partial<Problem>): Problem => ({
  code,
  severity: code.startsWith('E') ? 'error' : 'warning',
  message: code,
  params: {},
  ...at,
});

describe('nodeProblems', () => {
  const problems = [
    p('E014', { nodeUid: 'w', param: 'offsetMs' }),
    p('E013', { nodeUid: 'w', param: 'parallelism' }),
    p('E007', { nodeUid: 'w' }),
    p('E009', { nodeUid: 'w', param: 'sizeMS' }),
    p('E008', { nodeUid: 'w', param: 'gapMs' }),
    p('W005', { nodeUid: 'w', edgeId: 'e1' }),
    p('E004', { nodeUid: 'm' }),
    p('E021', { edgeId: 'e2' }),
  ];

  it('puts a problem under its field when the form shows that field', () => {
    const { byField, general } = nodeProblems(problems, 'w', new Set(['offsetMs', 'parallelism']));
    expect(byField.get('offsetMs')?.map((x) => x.code)).toEqual(['E014']);
    expect(byField.get('parallelism')?.map((x) => x.code)).toEqual(['E013']);
    // Wiring, an unknown parameter, a hidden parameter and an edge warning go on top.
    expect(general.map((x) => x.code)).toEqual(['E007', 'E009', 'E008', 'W005']);
  });

  it("ignores other nodes' and edges' problems", () => {
    const { byField, general } = nodeProblems(problems, 'm', new Set());
    expect(byField.size).toBe(0);
    expect(general.map((x) => x.code)).toEqual(['E004']);
  });
});

describe('edgeProblems', () => {
  it("takes an edge's problems, including those that also name a node", () => {
    expect(
      edgeProblems([p('E021', { edgeId: 'e2' }), p('W005', { nodeUid: 'w', edgeId: 'e2' })], 'e2'),
    ).toHaveLength(2);
    expect(edgeProblems([p('E021', { edgeId: 'e2' })], 'e1')).toEqual([]);
  });
});
