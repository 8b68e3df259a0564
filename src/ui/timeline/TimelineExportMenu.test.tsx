import { describe, expect, it } from 'vitest';
import { i18n, renderMarkup } from '../test-support/render';
import { TimelineModel } from './model';
import { scenario } from './test-scenario';
import { Timeline } from './Timeline';

const render = (model: TimelineModel) =>
  renderMarkup(
    <Timeline
      model={model}
      onRequestDetails={async () => null}
      onViewChange={() => {}}
      exportName="Clicks"
    />,
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
