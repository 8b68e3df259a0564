import { afterAll, describe, expect, it } from 'vitest';
import { problem } from '../../engine/pipeline/problems';
import { i18n, renderMarkup } from '../test-support/render';
import { ProblemMessage } from './ProblemMessage';

const syntax = problem(
  'E015',
  { nodeUid: 'm', param: 'code' },
  { type: 'node', uid: 'm', kind: 'map' },
  { type: 'param', kind: 'map', name: 'code' },
  { type: 'parser', parser: 'javascript', text: 'Unexpected end of input' },
);

describe('ProblemMessage', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('marks what the parser said as English inside a Chinese sentence', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(renderMarkup(<ProblemMessage problem={syntax} className="m" />)).toBe(
      '<span class="m">Map &#x27;m&#x27;：函数（&#x27;code&#x27;）无法编译，请修正语法。' +
        'JavaScript 解析器报告：“<span lang="en">Unexpected end of input</span>”</span>',
    );
  });

  it('reads as the engine says it in English', async () => {
    await i18n.changeLanguage('en');
    const markup = renderMarkup(<ProblemMessage problem={syntax} />);
    expect(markup.replace(/<[^>]+>/g, '').replaceAll('&#x27;', "'")).toBe(syntax.message);
  });
});
