import { describe, expect, it } from 'vitest';
import { i18n, renderMarkup } from '../test-support/render';
import { pauseAtFiring, scenario, WINDOW_LANE_2 } from './test-scenario';
import { TimelineLegend } from './TimelineLegend';
import { TimelineTooltip } from './TimelineTooltip';

const model = scenario(60, 250);
pauseAtFiring(model, WINDOW_LANE_2);

const render = () =>
  renderMarkup(
    <TimelineTooltip
      model={model}
      hit={{ kind: 'breakpoint', index: 0, x: 100, y: 100 }}
      details={undefined}
      width={800}
      height={400}
      scale={1}
      time={(ms) => `${ms} ms`}
    />,
  );

describe('the breakpoint pin', () => {
  it('names the hit in the banner’s words, in English and in Chinese', async () => {
    const html = render();
    expect(html).toContain('Paused: window [0 ms, 10 s) for key “user-2” fired with result');
    expect(html).toContain('In “Per 10 s”, subtask 1, at processing time');
    await i18n.changeLanguage('zh-CN');
    const zh = render();
    await i18n.changeLanguage('en');
    expect(zh).toContain('已暂停');
    expect(zh).toContain('“Per 10 s”');
  });

  it('is in the legend of both views while the run is paused at one, and only then', () => {
    for (const view of ['diagram', 'lanes'] as const) {
      const legend = (paused: boolean) =>
        renderMarkup(<TimelineLegend view={view} keys={[]} paletteSize={5} paused={paused} />);
      expect(legend(true)).toContain('timeline-swatch--breakpoint');
      expect(legend(true)).toContain('Breakpoint');
      expect(legend(false)).not.toContain('Breakpoint');
    }
  });
});
