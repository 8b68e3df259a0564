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
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.api.windowing.windows.Window;
import org.apache.flink.util.Collector;

/**
 * Orders from two regions: union, filter and map expressions: the pipeline as an Apache Flink 1.20.0 DataStream job,
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

        // Source "eu-orders": 4 records, in arrival order.
        DataStream<Event> euOrders = env
            .fromData(
                Arrays.asList(
                    Event.of("region", "eu", "amount", 12.5d, "ts", 0, "at", 0),
                    Event.of("region", "eu", "amount", 4, "ts", 1200, "at", 1300),
                    Event.of("region", "eu", "amount", 30, "ts", 2500, "at", 2600),
                    Event.of("region", "eu", "amount", 18, "ts", 6100, "at", 6100)
                ),
                TypeInformation.of(Event.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Event>forMonotonousTimestamps()
                    .withTimestampAssigner((event, previous) -> (long) event.num("ts"))
                    .withIdleness(Duration.ofMillis(2000L)))
            .uid("eu-orders")
            .name("Records");

        // Source "us-clicks": clickstream events, 100 records at 10/s.
        // Random like the playground's generator, but not the same seeded records.
        DataStream<Event> usClicks = env
            .fromSource(
                new DataGeneratorSource<>(
                    new ClickstreamGenerator(4, 1000L, 0.05, 5000L),
                    100L,
                    RateLimiterStrategy.perSecond(10),
                    TypeInformation.of(Event.class)),
                WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(1000L))
                    .withTimestampAssigner((event, previous) -> event.timestamp),
                "us-clicks")
            .uid("us-clicks")
            .name("Generator");

        // Map "us-region"
        SingleOutputStreamOperator<Event> usRegion = usClicks
            .map(r -> r.with("region", "us"))
            .returns(Event.class)
            .uid("us-region")
            .name("Map");

        // Map "us-amount"
        SingleOutputStreamOperator<Event> usAmount = usRegion
            .map(r -> r.with("amount", (r.num("value") * 10)))
            .returns(Event.class)
            .uid("us-amount")
            .name("Map");

        // Union "all-orders"
        // union is not an operator in Flink: it has no uid.
        DataStream<Event> allOrders = euOrders.union(usAmount.rebalance());

        // Filter "large"
        SingleOutputStreamOperator<Event> large = allOrders
            .filter(r -> (r.num("amount") >= 10))
            .uid("large")
            .name("Filter");

        // Map "tagged"
        SingleOutputStreamOperator<Event> tagged = large
            .map(r -> r.with("label", ((r.str("region") + ":") + r.str("amount"))).with("big", (r.num("amount") > 20)))
            .returns(Event.class)
            .uid("tagged")
            .name("Map");

        // KeyBy "by-region"
        // keyBy is a partitioning, not an operator: Flink gives it no uid.
        KeyedStream<Event, String> byRegion = tagged.keyBy(r -> r.str("region"), Types.STRING);

        // Window "revenue"
        SingleOutputStreamOperator<Event> revenue = byRegion
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(5000L), Duration.ofMillis(1000L)))
            .aggregate(new SumAggregate("amount"), new WindowResult<>())
            .uid("revenue")
            .name("Window");

        // Sink "revenue-out"
        // Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).
        revenue
            .print("revenue")
            .uid("revenue-out")
            .name("Sink");

        env.execute("Orders from two regions: union, filter and map expressions");
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
