import { describe, expect, it } from 'vitest';
import { i18n, renderMarkup } from '../test-support/render';
import { TimelineModel } from './model';
import { scenario } from './test-scenario';
import { Timeline } from './Timeline';

const render = (model: TimelineModel, view: 'diagram' | 'lanes' = 'diagram') =>
  renderMarkup(
    <Timeline
      model={model}
      initialView={view}
      onRequestDetails={async () => null}
      onViewChange={() => {}}
    />,
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
