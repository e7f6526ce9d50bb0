import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * N concurrent readers for S seconds against a running service, each sending a realistic read
 * mix one request after another: aggregates (district x month, province x year, event type),
 * trends, hotspots, incident pages (with their count), the monthly report, datasets and the
 * import history. Half of the date-filtered requests use a random date range, so they miss
 * every cache and reach the database. Prints the answers by status, throughput and latency
 * percentiles, overall and per kind. Any answer other than 200 is an error. Run with the JDK's
 * single-file launcher:
 *
 * <pre>java src/bench/reliability/ReadMix.java http://localhost:18103 50 60 2006-01-01 2025-12-31</pre>
 *
 * The last two arguments are the data's first and last day (the random ranges fall inside).
 */
public class ReadMix {

    record Sample(String kind, int status, long micros) {}

    public static void main(String[] args) throws Exception {
        String base = args[0] + "/api/v1";
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        LocalDate first = LocalDate.parse(args[3]);
        LocalDate last = LocalDate.parse(args[4]);
        int days = (int) (last.toEpochDay() - first.toEpochDay());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        Map<String, IntFunction<String>> kinds = new TreeMap<>();
        // each takes a seed and gives a path; odd seeds draw a random (uncached) date range
        kinds.put("aggregate-district-month", s -> "/aggregates?groupBy=district,month" + range(s, first, days));
        kinds.put("aggregate-province-year", s -> "/aggregates?groupBy=province,year" + range(s, first, days));
        kinds.put("aggregate-eventType", s -> "/aggregates?groupBy=eventType&metrics=incidents,killed"
                + range(s, first, days));
        kinds.put("trend-month", s -> "/trends?metric=incidents&granularity=month" + range(s, first, days));
        kinds.put("hotspots", s -> "/hotspots?metric=killed&by=district" + range(s, first, days));
        kinds.put("incidents-page", s -> "/incidents?size=50&page=" + (s % 5) + range(s, first, days));
        kinds.put("report-monthly", s -> "/reports/monthly?month="
                + first.plusDays(Math.floorMod(s * 7919L, days)).toString().substring(0, 7));
        kinds.put("datasets", s -> "/datasets");
        kinds.put("imports", s -> "/imports?size=20");
        List<String> names = new ArrayList<>(kinds.keySet());
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Map<String, String> firstErrors = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Random rnd = new Random(20261130L + c);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        String kind = names.get(rnd.nextInt(names.size()));
                        String path = kinds.get(kind).apply(rnd.nextInt(1 << 20));
                        long t0 = System.nanoTime();
                        int status;
                        String body;
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(base + path))
                                            .timeout(Duration.ofSeconds(300))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            status = r.statusCode();
                            body = r.body();
                        } catch (Exception e) {
                            status = -1;
                            body = e.toString();
                        }
                        samples.add(new Sample(kind, status, (System.nanoTime() - t0) / 1000));
                        if (status != 200) {
                            firstErrors.putIfAbsent(status + " " + kind,
                                    path + " -> " + body.substring(0, Math.min(300, body.length())));
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        List<Sample> all = new ArrayList<>(samples);
        long errors = all.stream().filter(s -> s.status() != 200).count();
        Map<Integer, Long> byStatus = new TreeMap<>();
        all.forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
        System.out.printf("readers: %d clients x %d s: %d requests, %d errors, %.1f req/s, statuses %s, %s%n",
                clients, seconds, all.size(), errors, all.size() / (double) seconds, byStatus, percentiles(all));
        for (String kind : names) {
            List<Sample> of = all.stream().filter(s -> s.kind().equals(kind)).toList();
            long e = of.stream().filter(s -> s.status() != 200).count();
            System.out.printf("  %-26s %6d requests, %d errors, %s%n", kind, of.size(), e, percentiles(of));
        }
        firstErrors.forEach((k, v) -> System.out.println("  first error " + k + ": " + v));
    }

    /** On odd seeds a random range of 1-10 years inside the data; on even seeds none (the default). */
    private static String range(int seed, LocalDate first, int days) {
        if (seed % 2 == 0) {
            return "";
        }
        Random r = new Random(seed);
        int length = 365 + r.nextInt(9 * 365);
        int start = r.nextInt(Math.max(1, days - length));
        return "&from=" + first.plusDays(start) + "&to=" + first.plusDays(start + length);
    }

    private static String percentiles(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "no samples";
        }
        long[] ms = samples.stream().mapToLong(Sample::micros).sorted().toArray();
        return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), ms[ms.length - 1] / 1000.0);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double at(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
