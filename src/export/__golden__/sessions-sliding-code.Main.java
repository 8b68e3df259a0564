package tidemark.job;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sessions and sliding averages, with code: the pipeline as an Apache Flink 1.20.0 DataStream job,
 * exported from Tidemark. Each operator keeps its playground uid, so state in savepoints is
 * matched by the same ids.
 */
public class Main {

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(10000L, CheckpointingMode.EXACTLY_ONCE);
        env.setStateBackend(new HashMapStateBackend());
        // The playground emitted a watermark per record; Flink emits them every 200 ms by default.

        // Source "readings": sensor events, 300 records at 10/s.
        // Random like the playground's generator, but not the same seeded records.
        DataStream<Event> readings = env
            .fromSource(
                new DataGeneratorSource<>(
                    new SensorGenerator(3, 1000L, 0.05, 5000L),
                    300L,
                    RateLimiterStrategy.perSecond(10),
                    TypeInformation.of(Event.class)),
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(2000L))
                    .withTimestampAssigner((event, previous) -> event.timestamp)
                    .withIdleness(Duration.ofMillis(5000L)),
                "readings")
            .uid("readings")
            .name("Generator");

        // Map "fahrenheit"
        SingleOutputStreamOperator<Event> fahrenheit = readings
            .map(r -> r.with("fahrenheit", (((r.num("value") * 9) / 5) + 32)))
            .returns(Event.class)
            .uid("fahrenheit")
            .name("Map");

        // KeyBy "by-sensor"
        // keyBy is a partitioning, not an operator: Flink gives it no uid.
        KeyedStream<Event, String> bySensor = fahrenheit.keyBy(r -> r.str("sensor"), Types.STRING);

        // Window "avg-30s" (30 s average)
        SingleOutputStreamOperator<Event> avg30s = bySensor
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(30000L), Duration.ofMillis(10000L)))
            .allowedLateness(Duration.ofMillis(2000L))
            .aggregate(new AvgAggregate("fahrenheit"), new WindowResult<>())
            .uid("avg-30s")
            .name("30 s average");

        // Sink "averages"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        avg30s
            .print("averages")
            .uid("averages")
            .name("Sink");

        // Source "visits": 5 records, in arrival order.
        DataStream<Event> visits = env
            .fromData(
                Arrays.asList(
                    Event.of("user", "ann", "pages", Arrays.asList("/", "/cart"), "clicks", 2, "ts", 1000, "at", 1000),
                    Event.of("user", "bob", "pages", Arrays.asList("/search"), "clicks", 1, "ts", 1500, "at", 1600),
                    Event.of("user", "ann", "pages", Arrays.asList("/checkout"), "clicks", 1, "ts", 3000, "at", 3100),
                    Event.of("user", "bob", "pages", Arrays.asList("/"), "clicks", 3, "ts", 9000, "at", 9000),
                    Event.of("user", "ann", "pages", Arrays.asList("/"), "clicks", 1, "ts", 2000, "at", 9500)
                ),
                TypeInformation.of(Event.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(500L))
                    .withTimestampAssigner((event, previous) -> (long) event.num("ts")))
            .uid("visits")
            .name("Records");

        // FlatMap "one-per-page"
        // TODO: translate the JavaScript function of "one-per-page" into Java. It was:
        //   (r) => r.pages.map((page) => ({ ...r, page }))
        SingleOutputStreamOperator<Event> onePerPage = visits
            .flatMap((Event r, Collector<Event> out) -> out.collect(Main.<Event>todo("one-per-page")))
            .returns(Event.class)
            .uid("one-per-page")
            .name("FlatMap");

        // KeyBy "by-user"
        // keyBy is a partitioning, not an operator: Flink gives it no uid.
        KeyedStream<Event, String> byUser = onePerPage.keyBy(r -> r.str("user"), Types.STRING);

        // Window "sessions"
        OutputTag<Event> sessionsLateTag = new OutputTag<Event>("sessions-late") {};
        SingleOutputStreamOperator<Event> sessions = byUser
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(3000L)))
            .sideOutputLateData(sessionsLateTag)
            .reduce((a, b) -> b.with("clicks", (a.num("clicks") + b.num("clicks"))), new WindowResult<>())
            .uid("sessions")
            .name("Window");
        DataStream<Event> sessionsLate = sessions.getSideOutput(sessionsLateTag);

        // Sink "session-clicks"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        sessions
            .print("session clicks")
            .uid("session-clicks")
            .name("Sink");

        // Sink "late-visits"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        sessionsLate
            .print("late visits")
            .uid("late-visits")
            .name("Sink");

        env.execute("Sessions and sliding averages, with code");
    }

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
            throw new IllegalArgumentException("Field \"" + field + "\" is not a number: " + value);
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
    }

    /** Event time for a generated record: up to disorderMs behind, or late by lateByMs more. */
    static long eventTime(SplittableRandom random, long disorderMs, double lateFraction, long lateByMs) {
        long delay = (long) (random.nextDouble() * disorderMs);
        if (random.nextDouble() < lateFraction) {
            delay += disorderMs + lateByMs;
        }
        return System.currentTimeMillis() - delay;
    }

    /** Temperature readings like the playground's sensors: each drifts along its own wave. */
    public static class SensorGenerator implements GeneratorFunction<Long, Event> {

        private final int keys;
        private final long disorderMs;
        private final double lateFraction;
        private final long lateByMs;

        public SensorGenerator(int keys, long disorderMs, double lateFraction, long lateByMs) {
            this.keys = keys;
            this.disorderMs = disorderMs;
            this.lateFraction = lateFraction;
            this.lateByMs = lateByMs;
        }

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
    }

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
    }

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
    }

    /** Stands in for a function still to be translated: the job fails where it would run. */
    static <T> T todo(String operatorUid) {
        throw new UnsupportedOperationException(
            "Translate the JavaScript function of operator \"" + operatorUid + "\" (see the TODO in main)");
    }
}
