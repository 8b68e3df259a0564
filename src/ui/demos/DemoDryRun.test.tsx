import i18next from 'i18next';
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperatorCompatibility } from '../../engine/runtime/savepoint-compatibility';
import type { DryRunResult, SavepointMeta } from '../../worker/recovery-types';
import { resources } from '../i18n/resources';
import { DemoDryRun } from './DemoDryRun';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
});

async function text(result: DryRunResult, lng: string): Promise<string> {
  await i18n.changeLanguage(lng);
  const { prelude } = await prerenderToNodeStream(
    <I18nextProvider i18n={i18n}>
      <DemoDryRun result={result} />
    </I18nextProvider>,
  );
  let out = '';
  for await (const chunk of prelude) out += String(chunk);
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
