import { describe, expect, it } from 'vitest';
import { i18n, prerenderMarkup } from '../test-support/render';
import type { OperatorCompatibility } from '../../engine/runtime/savepoint-compatibility';
import type { DryRunResult, SavepointMeta } from '../../worker/recovery-types';
import { DemoDryRun } from './DemoDryRun';

async function text(result: DryRunResult, lng: string): Promise<string> {
  await i18n.changeLanguage(lng);
  const out = await prerenderMarkup(<DemoDryRun result={result} />);
  return out.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const operator = (uid: string, outcome: OperatorCompatibility['outcome']) =>
  ({ uid, outcome, blocking: outcome === 'incompatible' }) as OperatorCompatibility;

function dryRun(operators: OperatorCompatibility[]): DryRunResult {
  const ok = !operators.some((o) => o.blocking);
  return {
    ok: true,
    report: { ok, errors: [], maxParallelism: { savepoint: 128, job: 128 }, operators },
    meta: {} as SavepointMeta,
  };
}

describe('DemoDryRun', () => {
  it('says the savepoint matches and what becomes of each uid, in English and in Chinese', async () => {
    const result = dryRun([operator('window', 'restored'), operator('big', 'starts-empty')]);
    const en = await text(result, 'en');
    expect(en).toContain('Dry run: every operator of the savepoint finds its uid');
    expect(en).toContain('window restored');
    expect(en).toContain('big starts empty');
    const zh = await text(result, 'zh-CN');
    expect(zh).toContain('试运行：保存点中的每个算子都在修改后的作业中找到了自己的 uid');
    expect(zh).toContain('window 已恢复');
    expect(zh).toContain('big 从空状态开始');
  });

  it('says when the job cannot take the savepoint, or the file cannot be read', async () => {
    expect(await text(dryRun([operator('window', 'incompatible')]), 'en')).toContain(
      'the changed job cannot take this savepoint',
    );
    const unreadable: DryRunResult = { ok: false, error: { reason: 'empty', message: '' } };
    expect(await text(unreadable, 'zh-CN')).toContain('无法读取保存点文件');
  });
});
