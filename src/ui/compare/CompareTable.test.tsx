import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { CompareTable } from './CompareTable';
import { compareOutcomes } from './diff';

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
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <CompareTable
        comparison={comparison}
        settings={{ a: 'Event time', b: 'Processing time' }}
        operators={new Map([['window', 'Window']])}
        selected={selected}
        onSelect={() => {}}
      />
    </I18nextProvider>,
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
