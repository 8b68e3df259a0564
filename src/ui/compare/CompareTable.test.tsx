import { describe, expect, it } from 'vitest';
import { i18n, renderMarkup } from '../test-support/render';
import { CompareTable } from './CompareTable';
import { compareOutcomes } from './diff';

const w = (start: number, value: number, firings = 1) => ({
  operator: 'window',
  key: 'a',
  start,
  end: start + 10_000,
  value,
  firings,
});

const comparison = compareOutcomes(
  { windows: [w(0, 3), w(10_000, 2), w(20_000, 1)], late: [] },
  { windows: [w(0, 2, 2), w(10_000, 2)], late: [] },
);

const render = async (language: string, selected: string | null = null) => {
  await i18n.changeLanguage(language);
  return renderMarkup(
    <CompareTable
      comparison={comparison}
      settings={{ a: 'Event time', b: 'Processing time' }}
      operators={new Map([['window', 'Window']])}
      selected={selected}
      onSelect={() => {}}
    />,
  );
};

describe('CompareTable', () => {
  it('marks the rows that differ and names the difference', async () => {
    const html = await render('en', comparison.rows[2]!.id);
    expect(html.match(/data-kind="changed"/g)).toHaveLength(1);
    expect(html.match(/data-kind="onlyA"/g)).toHaveLength(1);
    expect(html.match(/data-kind="same"/g)).toHaveLength(1);
    expect(html).toContain('Different value · Fired 1× vs 2×');
    expect(html).toContain('Only in A');
    expect(html).toContain('[20 s, 30 s)');
    expect(html).toMatch(/aria-selected="true"[^>]*data-row="window\|&quot;a&quot;\|20000\|30000"/);
    // One window operator: no operator column.
    expect(html).not.toContain('>Operator<');
  });

  it('speaks Chinese', async () => {
    const html = await render('zh-CN');
    expect(html).toContain('值不同 · 触发 1 次 vs 2 次');
    expect(html).toContain('仅 A 有');
    expect(html).toContain('[0 秒, 10 秒)');
  });
});
