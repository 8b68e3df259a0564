import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { TimelineModel } from './model';
import { scenario } from './test-scenario';
import { Timeline } from './Timeline';

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

const render = (model: TimelineModel) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Timeline
        model={model}
        onRequestDetails={async () => null}
        onViewChange={() => {}}
        exportName="Clicks"
      />
    </I18nextProvider>,
  );

/** The Export button's tag. */
const exportButton = (html: string) =>
  /<button[^>]*data-testid="timeline-export"[^>]*>/.exec(html)?.[0];

describe('the timeline’s Export menu', () => {
  it('waits for something to draw', () => {
    expect(exportButton(render(new TimelineModel()))).toContain('disabled');
    const ready = render(scenario());
    expect(exportButton(ready)).toBeDefined();
    expect(exportButton(ready)).not.toContain('disabled');
    expect(ready).toContain('Export</span>');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(scenario());
    await i18n.changeLanguage('en');
    expect(html).toContain('导出</span>');
    expect(html).toContain('title="将当前视图导出为图片"');
  });
});
