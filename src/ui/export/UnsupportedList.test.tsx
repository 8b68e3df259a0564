import { describe, expect, it } from 'vitest';
import { i18n, prerenderMarkup } from '../test-support/render';
import { generateFlinkSql, generateJavaProject, type ExportResult } from '../../export';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { UnsupportedList } from './UnsupportedList';

async function html(node: React.ReactNode, lng: string): Promise<string> {
  await i18n.changeLanguage(lng);
  return prerenderMarkup(node);
}

const doc: PipelineDocument = {
  version: 1,
  name: 'Late and counted',
  nodes: [
    { uid: 'gen', kind: 'source.generator', params: {} },
    { uid: 'key', kind: 'keyBy', params: {} },
    { uid: 'win', kind: 'window', params: { allowedLatenessMs: 1_000 } },
    { uid: 'odd', kind: 'map', params: { mode: 'code', code: '(r) => JSON.parse(r.raw)' } },
    { uid: 'out', kind: 'sink', params: {} },
    { uid: 'late', kind: 'sink', params: {} },
  ],
  edges: [
    { id: 'e1', source: 'gen', target: 'key' },
    { id: 'e2', source: 'key', target: 'win' },
    { id: 'e3', source: 'win', target: 'odd' },
    { id: 'e4', source: 'odd', target: 'out' },
    { id: 'e5', source: 'win', sourcePort: 'late', target: 'late' },
  ],
};

const items = (result: ExportResult) => result.unsupported;

describe('UnsupportedList', () => {
  it('lists every reason of the SQL target by operator, in English and in Chinese', async () => {
    const sql = items(generateFlinkSql(doc));
    expect(sql.map((u) => `${u.nodeUid}:${u.reason}`)).toEqual([
      'win:allowedLateness',
      'win:lateOutput',
      'odd:javascript',
    ]);
    const en = await html(<UnsupportedList target="sql" items={sql} />, 'en');
    expect(en).toContain('Not expressed in Flink SQL');
    expect(en).toContain('Allowed lateness');
    expect(en).toContain('<code>odd</code>');
    const zh = await html(<UnsupportedList target="sql" items={sql} />, 'zh-CN');
    expect(zh).toContain('Flink SQL 无法表达的部分');
    expect(zh).toContain('允许延迟');
    expect(zh).toContain('迟到数据侧输出');
    expect(zh).not.toContain('Allowed lateness');
  });

  it('names the function left as a TODO in the Java job, or says all is expressed', async () => {
    const java = items(generateJavaProject(doc));
    expect(java.map((u) => `${u.nodeUid}:${u.reason}`)).toEqual(['odd:javaTodo']);
    expect(await html(<UnsupportedList target="java" items={java} />, 'en')).toContain(
      'Function to translate',
    );
    expect(await html(<UnsupportedList target="java" items={[]} />, 'zh-CN')).toContain(
      '此流水线的全部内容都能用 Java 作业表达。',
    );
  });
});
