package tidemark.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Clicks per user, 10 s tumbling windows: the pipeline as an Apache Flink 1.20.0 DataStream job,
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

        // Source "clicks": clickstream events, 200 records at 20/s.
        // Random like the playground's generator, but not the same seeded records.
        DataStream<Event> clicks = env
            .fromSource(
                new DataGeneratorSource<>(
                    new ClickstreamGenerator(3, 1000L, 0.05, 5000L),
                    200L,
                    RateLimiterStrategy.perSecond(20),
                    TypeInformation.of(Event.class)),
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(1000L))
                    .withTimestampAssigner((event, previous) -> event.timestamp),
                "clicks")
            .uid("clicks")
            .name("Generator");

        // Filter "only-clicks"
        SingleOutputStreamOperator<Event> onlyClicks = clicks
            .filter(r -> !Objects.equals(r.get("action"), "purchase"))
            .uid("only-clicks")
            .name("Filter");

        // KeyBy "by-user"
        // keyBy is a partitioning, not an operator: Flink gives it no uid.
        KeyedStream<Event, String> byUser = onlyClicks.keyBy(r -> r.str("user"), Types.STRING);

        // Window "per-10s"
        OutputTag<Event> per10sLateTag = new OutputTag<Event>("per-10s-late") {};
        SingleOutputStreamOperator<Event> per10s = byUser
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10000L)))
            .sideOutputLateData(per10sLateTag)
            .aggregate(new CountAggregate(), new WindowResult<>())
            .uid("per-10s")
            .name("Window");
        DataStream<Event> per10sLate = per10s.getSideOutput(per10sLateTag);

        // Sink "counts"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        per10s
            .print("counts")
            .uid("counts")
            .name("Sink");

        // Sink "late"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        per10sLate
            .print("late clicks")
            .uid("late")
            .name("Sink");

        env.execute("Clicks per user, 10 s tumbling windows");
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

    /** Page views like the playground's clickstream: users skewed to low numbers, mostly views. */
    public static class ClickstreamGenerator implements GeneratorFunction<Long, Event> {
        private static final String[] PAGES = {"/", "/search", "/product", "/cart", "/checkout"};

        private final int keys;
        private final long disorderMs;
        private final double lateFraction;
        private final long lateByMs;

        public ClickstreamGenerator(int keys, long disorderMs, double lateFraction, long lateByMs) {
            this.keys = keys;
            this.disorderMs = disorderMs;
            this.lateFraction = lateFraction;
            this.lateByMs = lateByMs;
        }

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
    }

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
}
