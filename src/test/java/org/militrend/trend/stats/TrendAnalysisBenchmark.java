package org.militrend.trend.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one full {@code /trends} computation ({@link TrendAnalysis#analyze}, forecast 6) on a
 * realistic monthly series (docs/benchmarks.md, "Trends and hotspots"). Not a test (surefire
 * excludes *Benchmark*); run with src/bench/trend-benchmark.sh, or
 *
 * <pre>java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main TrendAnalysisBenchmark</pre>
 *
 * Series: {@code b120} is the reference series b_shift120 (120 months, a level shift, overdispersed
 * so the NB2 fit runs); {@code b240} is it followed by a second 120 months (the first 120 reversed
 * plus 3, so the series is 240 months with both a rise and a fall); {@code flat240} is a 240-month
 * series of ~4,200 a month like the total incidents of the 1M-row benchmark data (Poisson noise,
 * no overdispersion: the NB2 fit stops at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TrendAnalysisBenchmark {

    @Param({"b120", "b240", "flat240"})
    public String series;

    @Param({"false", "true"})
    public boolean seasonal;

    double[] counts;
    YearMonth first = YearMonth.of(2006, 1);

    @Setup
    public void load() {
        double[] b = reference("b_shift120");
        switch (series) {
            case "b120" -> counts = b;
            case "b240" -> {
                counts = new double[240];
                for (int i = 0; i < 120; i++) {
                    counts[i] = b[i];
                    counts[120 + i] = b[119 - i] + 3;
                }
            }
            case "flat240" -> {
                counts = new double[240];
                Random rnd = new Random(20261130L);
                for (int i = 0; i < 240; i++) {
                    counts[i] = Math.max(0, Math.round(4166 + rnd.nextGaussian() * Math.sqrt(4166)));
                }
            }
            default -> throw new IllegalArgumentException(series);
        }
    }

    static double[] reference(String name) {
        Path csv = org.militrend.testing.SharedData.root().resolve("reference/trends/" + name + ".csv");
        try {
            List<String> lines = Files.readAllLines(csv);
            return lines.stream()
                    .skip(1)
                    .filter(l -> !l.isBlank())
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[1].trim()))
                    .toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public TrendResult analyze() {
        return TrendAnalysis.analyze(counts, first, null, seasonal, 6);
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {TrendAnalysisBenchmark.class.getSimpleName()});
    }
}
