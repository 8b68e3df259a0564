import { describe, expect, it } from 'vitest';
import {
  demoEditorLink,
  demoEmbedLink,
  editorDemoTarget,
  editorLink,
  iframeSnippet,
  pipelineEmbedLink,
  presentTarget,
} from './present-link';

const BASE = 'https://tidemark.example/app/';

describe('embed links', () => {
  it('present a demo, at a step, in a language, and read back the same', () => {
    const link = demoEmbedLink(`${BASE}#p=old`, 'late-data', { language: 'zh-CN', step: 2 });
    expect(link).toBe(`${BASE}#present=late-data&step=2&lang=zh-CN`);
    expect(presentTarget(new URL(link).hash)).toEqual({
      kind: 'demo',
      demo: 'late-data',
      step: 2,
      language: 'zh-CN',
    });
    expect(demoEmbedLink(BASE, 'watermarks')).toBe(`${BASE}#present=watermarks`);
  });

  it('start at the first step when the step is missing or not a count', () => {
    for (const step of ['', '-1', '1.5', 'two']) {
      expect(presentTarget(`#present=watermarks&step=${step}`)).toMatchObject({ step: 0 });
    }
  });

  it('ignore a language the UI does not speak', () => {
    expect(presentTarget('#present=watermarks&lang=fr')).toMatchObject({ language: null });
    expect(presentTarget('#present=watermarks&lang=en')).toMatchObject({ language: 'en' });
  });

  it('present a shared pipeline when its share link carries the flag', () => {
    const share = `${BASE}#p=AbC_d-9`;
    const link = pipelineEmbedLink(share, 'en');
    expect(link).toBe(`${BASE}#p=AbC_d-9&present=1&lang=en`);
    const hash = new URL(link).hash;
    expect(presentTarget(hash)).toEqual({ kind: 'pipeline', hash, language: 'en' });
    // "Open in editor" is the share link again, without the flag.
    expect(editorLink(hash, link)).toBe(share);
  });

  it('leave the editor alone for every other fragment', () => {
    for (const hash of ['', '#', '#p=AbC', '#present=', '#present=1', '#demo=late-data']) {
      expect(presentTarget(hash)).toBeNull();
    }
  });

  it('open a presented demo in the editor at its step', () => {
    const link = demoEditorLink(`${BASE}#present=late-data&step=3`, 'late-data', 3);
    expect(link).toBe(`${BASE}#demo=late-data&step=3`);
    expect(editorDemoTarget(new URL(link).hash)).toEqual({ demo: 'late-data', step: 3 });
    expect(editorDemoTarget('#present=late-data')).toBeNull();
    expect(editorDemoTarget('#demo=')).toBeNull();
  });

  it('embed in another page as an iframe, escaped', () => {
    const snippet = iframeSnippet(`${BASE}#present=a&lang=en`, 'Late data: "dropped" <or> side');
    expect(snippet).toContain(`src="${BASE}#present=a&amp;lang=en"`);
    expect(snippet).toContain('title="Late data: &quot;dropped&quot; &lt;or&gt; side"');
    expect(snippet).toMatch(/^<iframe [^>]+><\/iframe>$/);
  });
});
