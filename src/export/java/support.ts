/**
 * The helper classes Main.java nests after main(): the record type, source generators,
 * aggregates and window results. Only the ones the job uses are written out.
 */

export type SupportClass =
  | 'ClickstreamGenerator'
  | 'SensorGenerator'
  | 'ScriptedSource'
  | 'CountAggregate'
  | 'SumAggregate'
  | 'MinAggregate'
  | 'MaxAggregate'
  | 'AvgAggregate'
  | 'WindowResult'
  | 'AllWindowResult'
  | 'todo';

/** Imports each helper needs, besides those of main(). */
export const SUPPORT_IMPORTS: Record<SupportClass | 'Event', readonly string[]> = {
  Event: ['java.util.LinkedHashMap', 'java.util.Map'],
  ClickstreamGenerator: [
    'java.util.SplittableRandom',
    'org.apache.flink.connector.datagen.source.GeneratorFunction',
  ],
  SensorGenerator: [
    'java.util.SplittableRandom',
    'org.apache.flink.connector.datagen.source.GeneratorFunction',
  ],
  ScriptedSource: [
    'java.io.Serializable',
    'java.util.Arrays',
    'java.util.List',
    'org.apache.flink.streaming.api.functions.source.SourceFunction',
    'org.apache.flink.streaming.api.watermark.Watermark',
  ],
  CountAggregate: ['org.apache.flink.api.common.functions.AggregateFunction'],
  SumAggregate: ['org.apache.flink.api.common.functions.AggregateFunction'],
  MinAggregate: ['org.apache.flink.api.common.functions.AggregateFunction'],
  MaxAggregate: ['org.apache.flink.api.common.functions.AggregateFunction'],
  AvgAggregate: ['org.apache.flink.api.common.functions.AggregateFunction'],
  WindowResult: [
    'org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction',
    'org.apache.flink.streaming.api.windowing.windows.TimeWindow',
    'org.apache.flink.streaming.api.windowing.windows.Window',
    'org.apache.flink.util.Collector',
  ],
  AllWindowResult: [
    'org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction',
    'org.apache.flink.streaming.api.windowing.windows.TimeWindow',
    'org.apache.flink.streaming.api.windowing.windows.Window',
    'org.apache.flink.util.Collector',
  ],
  todo: [],
};

const EVENT = `
    /** A record as in the playground: named fields, plus its event time. */
    public static class Event {
        public Map<String, Object> fields = new LinkedHashMap<>();
        public long timestamp;

        public Event() {}

        public static Event empty() {
            return new Event();
        }

        /** An event from alternating field names and values. */
        public static Event of(Object... namesAndValues) {
            Event event = new Event();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                event.fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return event;
        }

        public Object get(String field) {
            return fields.get(field);
        }

        public double num(String field) {
            Object value = fields.get(field);
            if (value instanceof Number) {
                return ((Number) value).doubleValue();
            }
            throw new IllegalArgumentException("Field \\"" + field + "\\" is not a number: " + value);
        }

        public boolean bool(String field) {
            return Boolean.TRUE.equals(fields.get(field));
        }

        /** The field as text; whole doubles print without ".0", as in JavaScript. */
        public String str(String field) {
            Object value = fields.get(field);
            if (value instanceof Double && (Double) value == Math.rint((Double) value)) {
                return String.valueOf(((Double) value).longValue());
            }
            return String.valueOf(value);
        }

        /** A copy with one field set: like the playground, functions never change their input. */
        public Event with(String field, Object value) {
            Event copy = new Event();
            copy.fields.putAll(fields);
            copy.fields.put(field, value);
            copy.timestamp = timestamp;
            return copy;
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }`;

const EVENT_TIME = `
    /** Event time for a generated record: up to disorderMs behind, or late by lateByMs more. */
    static long eventTime(SplittableRandom random, long disorderMs, double lateFraction, long lateByMs) {
        long delay = (long) (random.nextDouble() * disorderMs);
        if (random.nextDouble() < lateFraction) {
            delay += disorderMs + lateByMs;
        }
        return System.currentTimeMillis() - delay;
    }`;

const GENERATOR_FIELDS = `
        private final int keys;
        private final long disorderMs;
        private final double lateFraction;
        private final long lateByMs;`;

function generatorConstructor(name: string): string {
  return `
        public ${name}(int keys, long disorderMs, double lateFraction, long lateByMs) {
            this.keys = keys;
            this.disorderMs = disorderMs;
            this.lateFraction = lateFraction;
            this.lateByMs = lateByMs;
        }`;
}

const CLASSES: Record<SupportClass, string> = {
  ScriptedSource: `
    /**
     * A scripted input as in the playground, like Beam's TestStream: records with their event
     * time, watermarks exactly where the script puts them, and pauses for its processing-time
     * steps. A legacy SourceFunction, so it can emit watermarks itself; it runs as one subtask.
     */
    public static class ScriptedSource implements SourceFunction<Event> {
        private final List<Step> steps;
        private final boolean bounded;
        private volatile boolean running = true;

        public ScriptedSource(boolean bounded, Step... steps) {
            this.bounded = bounded;
            this.steps = Arrays.asList(steps);
        }

        @Override
        public void run(SourceContext<Event> ctx) throws Exception {
            for (Step step : steps) {
                if (!running) {
                    return;
                }
                if (step.sleepMs > 0) {
                    Thread.sleep(step.sleepMs);
                    continue;
                }
                synchronized (ctx.getCheckpointLock()) {
                    if (step.fields != null) {
                        Event event = Event.of(step.fields);
                        event.timestamp = step.timestamp;
                        ctx.collectWithTimestamp(event, step.timestamp);
                    } else {
                        ctx.emitWatermark(new Watermark(step.timestamp));
                    }
                }
            }
            // An unbounded script stops emitting but stays open, as in the playground.
            while (running && !bounded) {
                Thread.sleep(100);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** One step of a ScriptedSource: a record, a watermark, or processing time passing. */
    public static class Step implements Serializable {
        final Object[] fields;
        final long timestamp;
        final long sleepMs;

        private Step(Object[] fields, long timestamp, long sleepMs) {
            this.fields = fields;
            this.timestamp = timestamp;
            this.sleepMs = sleepMs;
        }

        /** A record from alternating field names and values, with its event time. */
        public static Step add(long timestamp, Object... namesAndValues) {
            return new Step(namesAndValues, timestamp, 0);
        }

        public static Step advanceWatermark(long watermark) {
            return new Step(null, watermark, 0);
        }

        public static Step advanceWatermarkToInfinity() {
            return new Step(null, Watermark.MAX_WATERMARK.getTimestamp(), 0);
        }

        public static Step advanceProcessingTime(long ms) {
            return new Step(null, 0, ms);
        }
    }`,
  ClickstreamGenerator: `
    /** Page views like the playground's clickstream: users skewed to low numbers, mostly views. */
    public static class ClickstreamGenerator implements GeneratorFunction<Long, Event> {
        private static final String[] PAGES = {"/", "/search", "/product", "/cart", "/checkout"};
${GENERATOR_FIELDS}
${generatorConstructor('ClickstreamGenerator')}

        @Override
        public Event map(Long index) {
            SplittableRandom random = new SplittableRandom(index);
            double u = random.nextDouble();
            String user = "user-" + (int) Math.floor(keys * ((u + u * u) / 2));
            String page = PAGES[random.nextInt(PAGES.length)];
            double roll = random.nextDouble();
            String action = roll < 0.75 ? "view" : roll < 0.95 ? "click" : "purchase";
            Event event = Event.of("user", user, "page", page, "action", action, "key", user, "value", 1);
            event.timestamp = eventTime(random, disorderMs, lateFraction, lateByMs);
            return event;
        }
    }`,
  SensorGenerator: `
    /** Temperature readings like the playground's sensors: each drifts along its own wave. */
    public static class SensorGenerator implements GeneratorFunction<Long, Event> {
${GENERATOR_FIELDS}
${generatorConstructor('SensorGenerator')}

        @Override
        public Event map(Long index) {
            SplittableRandom random = new SplittableRandom(index);
            int k = random.nextInt(keys);
            SplittableRandom own = new SplittableRandom(k);
            double base = 16 + 8 * own.nextDouble();
            double amplitude = 1 + 4 * own.nextDouble();
            double periodMs = 30000 + 90000 * own.nextDouble();
            double phase = own.nextDouble();
            long ts = eventTime(random, disorderMs, lateFraction, lateByMs);
            double celsius = base + amplitude * Math.sin(2 * Math.PI * (ts / periodMs + phase))
                + random.nextDouble() - 0.5;
            String sensor = "sensor-" + k;
            Event event = Event.of("sensor", sensor, "key", sensor, "value", Math.round(celsius * 10) / 10.0, "unit", "C");
            event.timestamp = ts;
            return event;
        }
    }`,
  CountAggregate: `
    /** count: the number of records in the window. */
    public static class CountAggregate implements AggregateFunction<Event, Long, Object> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Event value, Long count) {
            return count + 1;
        }

        @Override
        public Object getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }`,
  SumAggregate: `
    /** sum of a numeric field. */
    public static class SumAggregate implements AggregateFunction<Event, Double, Object> {
        private final String field;

        public SumAggregate(String field) {
            this.field = field;
        }

        @Override
        public Double createAccumulator() {
            return 0.0;
        }

        @Override
        public Double add(Event value, Double sum) {
            return sum + value.num(field);
        }

        @Override
        public Object getResult(Double sum) {
            return sum;
        }

        @Override
        public Double merge(Double a, Double b) {
            return a + b;
        }
    }`,
  MinAggregate: extremeAggregate('MinAggregate', 'min', 'Math.min'),
  MaxAggregate: extremeAggregate('MaxAggregate', 'max', 'Math.max'),
  AvgAggregate: `
    /** avg of a numeric field; the accumulator is {sum, count}. */
    public static class AvgAggregate implements AggregateFunction<Event, double[], Object> {
        private final String field;

        public AvgAggregate(String field) {
            this.field = field;
        }

        @Override
        public double[] createAccumulator() {
            return new double[] {0, 0};
        }

        @Override
        public double[] add(Event value, double[] acc) {
            return new double[] {acc[0] + value.num(field), acc[1] + 1};
        }

        @Override
        public Object getResult(double[] acc) {
            return acc[0] / acc[1];
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            return new double[] {a[0] + b[0], a[1] + b[1]};
        }
    }`,
  WindowResult: `
    /** The playground's window result: key, start and end (null for count windows), value. */
    public static class WindowResult<IN, K, W extends Window> extends ProcessWindowFunction<IN, Event, K, W> {
        @Override
        public void process(K key, Context context, Iterable<IN> values, Collector<Event> out) {
            W window = context.window();
            boolean timed = window instanceof TimeWindow;
            Event result = Event.of(
                "key", key,
                "start", timed ? (Object) ((TimeWindow) window).getStart() : null,
                "end", timed ? (Object) ((TimeWindow) window).getEnd() : null,
                "value", values.iterator().next());
            result.timestamp = window.maxTimestamp();
            out.collect(result);
        }
    }`,
  AllWindowResult: `
    /** The playground's result of a non-keyed window: start, end (null for count windows), value. */
    public static class AllWindowResult<IN, W extends Window> extends ProcessAllWindowFunction<IN, Event, W> {
        @Override
        public void process(Context context, Iterable<IN> values, Collector<Event> out) {
            W window = context.window();
            boolean timed = window instanceof TimeWindow;
            Event result = Event.of(
                "start", timed ? (Object) ((TimeWindow) window).getStart() : null,
                "end", timed ? (Object) ((TimeWindow) window).getEnd() : null,
                "value", values.iterator().next());
            result.timestamp = window.maxTimestamp();
            out.collect(result);
        }
    }`,
  todo: `
    /** Stands in for a function still to be translated: the job fails where it would run. */
    static <T> T todo(String operatorUid) {
        throw new UnsupportedOperationException(
            "Translate the JavaScript function of operator \\"" + operatorUid + "\\" (see the TODO in main)");
    }`,
};

function extremeAggregate(name: string, label: string, pick: string): string {
  return `
    /** ${label} of a numeric field; the accumulator is {${label} so far, records seen}. */
    public static class ${name} implements AggregateFunction<Event, double[], Object> {
        private final String field;

        public ${name}(String field) {
            this.field = field;
        }

        @Override
        public double[] createAccumulator() {
            return new double[] {0, 0};
        }

        @Override
        public double[] add(Event value, double[] acc) {
            double v = value.num(field);
            return new double[] {acc[1] == 0 ? v : ${pick}(acc[0], v), acc[1] + 1};
        }

        @Override
        public Object getResult(double[] acc) {
            return acc[1] == 0 ? null : (Object) acc[0];
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            if (a[1] == 0) {
                return b;
            }
            return b[1] == 0 ? a : new double[] {${pick}(a[0], b[0]), a[1] + b[1]};
        }
    }`;
}

/** Nested class source for the used helpers, the record class first. */
export function supportSource(used: ReadonlySet<SupportClass>): string {
  const order = Object.keys(CLASSES) as SupportClass[];
  const parts = [EVENT];
  if (used.has('ClickstreamGenerator') || used.has('SensorGenerator')) parts.push(EVENT_TIME);
  for (const name of order) if (used.has(name)) parts.push(CLASSES[name]);
  return parts.join('\n');
}
