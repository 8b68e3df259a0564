import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App', () => {
  it('renders the landing page with its test id and heading', () => {
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('data-testid="app"');
    expect(html).toMatch(/<h1[^>]*>Tidemark<\/h1>/);
  });
});
