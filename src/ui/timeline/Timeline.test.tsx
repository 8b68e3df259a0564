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

const render = (model: TimelineModel, view: 'diagram' | 'lanes' = 'diagram') =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Timeline
        model={model}
        initialView={view}
        onRequestDetails={async () => null}
        onViewChange={() => {}}
      />
    </I18nextProvider>,
  );

describe('Timeline', () => {
  it('invites a run while there is nothing to show', () => {
    const html = render(new TimelineModel());
    expect(html).toContain('Run the pipeline to watch');
    expect(html).toContain('aria-label="Timeline"');
  });

  it('shows the view switch, the window operator, zoom controls and the keys', () => {
    const html = render(scenario());
    expect(html).not.toContain('Run the pipeline to watch');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Event time</);
    expect(html).toMatch(/<option value="1" selected="">Per 10 s<\/option>/);
    for (const words of ['Zoom in', 'Zoom out', 'Show the whole run', 'Follow the present']) {
      expect(html).toContain(words);
    }
    expect(html).toContain('user-0');
    expect(html).toContain('timeline-key--2');
    expect(html).toContain('Late → side output');
    expect(html.match(/<canvas/g)).toHaveLength(2);
  });

  it('shows the lanes legend in the lanes view, without the operator picker', () => {
    const html = render(scenario(), 'lanes');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Subtasks</);
    expect(html).not.toContain('<select');
    expect(html).toContain('Checkpoint barrier');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(scenario());
    await i18n.changeLanguage('en');
    expect(html).toContain('事件时间');
    expect(html).toContain('跟随当前时间');
  });
});
