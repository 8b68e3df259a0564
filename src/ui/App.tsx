import { WatermarkSketch } from './WatermarkSketch';

const COMING = [
  {
    title: 'Build on a canvas',
    body: 'Drag sources, keyBy, windows, aggregates and sinks onto a canvas and wire them into a pipeline.',
  },
  {
    title: 'Event time, for real',
    body: "Watermarks, allowed lateness and side outputs follow Apache Flink's semantics, step by step.",
  },
  {
    title: 'Runs in your browser',
    body: 'The engine runs in a Web Worker with a virtual clock and seeded randomness, so every run replays the same.',
  },
] as const;

export function App() {
  return (
    <div className="app" data-testid="app">
      <header className="app-header">
        <div className="brand">
          <img className="brand-mark" src="/favicon.svg" alt="" width={40} height={40} />
          <h1 className="brand-name">Tidemark</h1>
        </div>
        <p className="tagline">
          A browser playground for event-time stream processing, with Apache Flink&apos;s semantics.
        </p>
      </header>

      <main className="app-main">
        <section className="panel" aria-labelledby="coming-title">
          <p className="eyebrow">Preview</p>
          <h2 id="coming-title">The pipeline editor is on its way</h2>
          <p className="lede">
            Tidemark will let you sketch a streaming job, feed it events and watch windows fire as
            the watermark moves through event time.
          </p>
          <WatermarkSketch />
          <ul className="features">
            {COMING.map((item) => (
              <li key={item.title} className="feature">
                <h3>{item.title}</h3>
                <p>{item.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="app-footer">
        <span>Tidemark 0.1</span>
        <span aria-hidden="true">·</span>
        <span>Everything runs locally in your browser.</span>
      </footer>
    </div>
  );
}
