/** A static picture of tumbling event-time windows and a watermark; decoration, not data. */

const WIDTH = 560;
const AXIS_Y = 112;
const LEFT = 24;
const SCALE = 17; // pixels per unit of event time
const WATERMARK = 17;

const x = (t: number) => LEFT + t * SCALE;

const WINDOWS = [
  { start: 0, end: 10, fired: true },
  { start: 10, end: 20, fired: false },
  { start: 20, end: 30, fired: false },
];

/** Event times and lanes (rows), roughly as they might arrive from two keys. */
const EVENTS = [
  { t: 1, lane: 0 },
  { t: 3.5, lane: 1 },
  { t: 6, lane: 0 },
  { t: 8.5, lane: 1 },
  { t: 11, lane: 1 },
  { t: 13, lane: 0 },
  { t: 15.5, lane: 1 },
  { t: 19, lane: 0 },
  { t: 22, lane: 1 },
  { t: 26, lane: 0 },
];

export function WatermarkSketch() {
  return (
    <figure className="sketch">
      <svg
        viewBox={`0 0 ${WIDTH} 140`}
        role="img"
        aria-label="Three tumbling windows on an event-time axis; the watermark has passed the first window, which has fired."
      >
        {WINDOWS.map((w) => (
          <g key={w.start}>
            <rect
              className={w.fired ? 'sketch-window sketch-window--fired' : 'sketch-window'}
              x={x(w.start) + 2}
              y={14}
              width={(w.end - w.start) * SCALE - 4}
              height={AXIS_Y - 22}
              rx={8}
            />
            <text className="sketch-label" x={x(w.start) + 10} y={30}>
              [{w.start}, {w.end}){w.fired ? ' · fired' : ''}
            </text>
          </g>
        ))}

        {EVENTS.map((e) => (
          <circle
            key={e.t}
            className={e.t <= WATERMARK ? 'sketch-event' : 'sketch-event sketch-event--ahead'}
            cx={x(e.t)}
            cy={e.lane === 0 ? 58 : 82}
            r={6}
          />
        ))}

        <line className="sketch-axis" x1={LEFT} x2={x(30)} y1={AXIS_Y} y2={AXIS_Y} />
        {[0, 10, 20, 30].map((t) => (
          <text key={t} className="sketch-tick" x={x(t)} y={AXIS_Y + 18} textAnchor="middle">
            {t}
          </text>
        ))}

        <line
          className="sketch-watermark"
          x1={x(WATERMARK)}
          x2={x(WATERMARK)}
          y1={8}
          y2={AXIS_Y + 4}
        />
        <text className="sketch-watermark-label" x={x(WATERMARK) + 6} y={AXIS_Y - 6}>
          watermark {WATERMARK}
        </text>
      </svg>
      <figcaption>
        A window fires once the watermark passes its end; until then it keeps collecting events in
        whatever order they arrive.
      </figcaption>
    </figure>
  );
}
