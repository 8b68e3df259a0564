import { afterEach, describe, expect, it } from 'vitest';
import { i18n, prerenderMarkup, renderMarkup } from '../test-support/render';
import { lazyPart } from './lazy-part';

function Greeting({ name }: { name: string }) {
  return <p className="greeting">Hello {name}</p>;
}

describe('lazyPart', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('holds the place with a loading line until the part has loaded', () => {
    const Part = lazyPart(() => new Promise<typeof Greeting>(() => {}), 'dock__empty');
    const html = renderMarkup(<Part name="Ada" />);
    expect(html).toContain('class="dock__empty"');
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('greeting');
  });

  it('says it is loading in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    const Part = lazyPart(() => new Promise<typeof Greeting>(() => {}));
    expect(renderMarkup(<Part name="Ada" />)).toContain('正在加载…');
  });

  it('shows the loaded part with the props it was given', async () => {
    let loads = 0;
    const Part = lazyPart(() => {
      loads += 1;
      return Promise.resolve(Greeting);
    });
    const html = await prerenderMarkup(<Part name="Ada" />);
    expect(html).toContain('<p class="greeting">Hello <!-- -->Ada</p>');
    expect(html).not.toContain('Loading');
    await prerenderMarkup(<Part name="Grace" />);
    expect(loads).toBe(1);
  });
});
