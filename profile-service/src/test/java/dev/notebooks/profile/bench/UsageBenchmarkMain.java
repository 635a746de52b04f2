package dev.notebooks.profile.bench;

import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.testing.SharedFixtures;
import dev.notebooks.platform.testing.TestProperties;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.service.usage.UsageService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The usage benchmark of issue 14, a program rather than a test (surefire never runs it): {@code benchmark.usage-events}
 * (1,000,000) notebook and volume events published to the real Kafka, then ingested by a real service context's one
 * usage consumer into the real PostgreSQL ledger (events a second); the ledger's totals are checked against the
 * generator's exactly; then a year of one profile's hourly rows is read back over HTTP (p50/p99). Run it with
 * {@code ./mvnw -B -q -pl profile-service -Pbenchmark test-compile exec:exec
 * -Dbenchmark.main=dev.notebooks.profile.bench.UsageBenchmarkMain}; docs/benchmarks.md says what each figure means.
 */
public final class UsageBenchmarkMain {

    static final int DEFAULT_EVENTS = 1_000_000;
    static final int DEFAULT_REQUESTS = 100;
    static final int WARM_UP_REQUESTS = 20;

    private final int events = Integer.getInteger("benchmark.usage-events", DEFAULT_EVENTS);
    private final int requests = Integer.getInteger("benchmark.usage-requests", DEFAULT_REQUESTS);
    private final long started = System.nanoTime();

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "logback-benchmark.xml");
        LoggerFactory.getILoggerFactory();
        int exitCode = 0;
        try {
            System.out.println(new UsageBenchmarkMain().run());
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            SharedFixtures.closeAll();
        }
        System.exit(exitCode);
    }

    private String run() throws Exception {
        String run = "usage_bench_" + System.currentTimeMillis();
        progress("starting PostgreSQL, Kafka and the Kubernetes API double");
        Map<String, String> fixtures =
                TestProperties.postgres(run).kafka().kubernetes().build();
        Topics topics = new Topics(run + ".");
        UsageWorkload workload = new UsageWorkload(events, 14);
        UsageIngest ingest = new UsageIngest(topics, fixtures);

        progress("publishing about %,d events (a year, %d profiles) to Kafka", events, UsageWorkload.PROFILES);
        Duration produced = ingest.publish(workload);
        progress(
                "published %,d events and %,d redeliveries in %,d ms; starting the service",
                workload.distinct(), workload.duplicates(), produced.toMillis());
        double loadBefore = load();
        try (ApplicationContext service = start(fixtures, run)) {
            UsageIngest.Ingested ingested = ingest.await(workload.distinct(), produced);
            double loadAfterIngest = load();
            progress(
                    "ingested in %,d ms: %,.0f events/s; checking the ledger's totals",
                    ingested.ingest().toMillis(), ingested.eventsPerSecond());
            List<String> mismatches = check(service.getBean(UsageService.class), workload);
            progress("timing GET /api/profiles/%s/usage, a year by hour", UsageWorkload.READ_PROFILE);
            UsageReadLatency reads = new UsageReadLatency(service, UsageWorkload.READ_PROFILE);
            UsageReadLatency.Latency json = reads.measure("application/json", WARM_UP_REQUESTS, requests);
            UsageReadLatency.Latency csv = reads.measure("text/csv", WARM_UP_REQUESTS, requests);
            double loadAfterReads = load();
            return summary(workload, ingested, mismatches, json, csv, loadBefore, loadAfterIngest, loadAfterReads);
        }
    }

    private static ApplicationContext start(Map<String, String> fixtures, String run) {
        Map<String, String> properties = new HashMap<>(fixtures);
        properties.put("micronaut.server.port", "-1");
        properties.put("platform.events.topic-prefix", run + ".");
        properties.put("platform.security.cluster-admins", UsageReadLatency.ADMIN);
        properties.put("platform.kube.leader-election.lease-namespace", "default");
        properties.put("platform.kube.leader-election.lease-name", run.replace('_', '-'));
        // the year is long past: closing it would publish 876,000 periods, which is not what is measured here
        properties.put("usage.closing-enabled", "false");
        ApplicationContext context = ApplicationContext.builder()
                .environments(Environment.KUBERNETES)
                .properties(Map.copyOf(properties))
                .start();
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    /** Every profile's totals for the year, from the ledger, against the generator's. */
    private static List<String> check(UsageService usage, UsageWorkload workload) {
        List<String> mismatches = new ArrayList<>();
        workload.expected().forEach((profile, expected) -> {
            UsageTotals totals = usage.report(
                            profile, UsageWorkload.YEAR, UsageWorkload.YEAR_END, Granularity.MONTH, Instant.now())
                    .totals();
            BigDecimal gpuMs = totals.gpuMsByVendor().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal storage =
                    totals.storageByteMsByClass().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            compare(
                    mismatches,
                    profile,
                    "cpu core-ms",
                    expected.cpuCoreMs(),
                    totals.sum().cpuCoreMs());
            compare(
                    mismatches,
                    profile,
                    "memory byte-ms",
                    expected.memoryByteMs(),
                    totals.sum().memoryByteMs());
            compare(mismatches, profile, "gpu-ms", BigDecimal.valueOf(expected.gpuMs), gpuMs);
            compare(mismatches, profile, "storage byte-ms", expected.storageByteMs(), storage);
        });
        return mismatches;
    }

    private static void compare(
            List<String> mismatches, String profile, String figure, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            mismatches.add("%s %s: expected %s, ledger %s"
                    .formatted(profile, figure, expected.toPlainString(), actual.toPlainString()));
        }
    }

    private String summary(
            UsageWorkload workload,
            UsageIngest.Ingested ingested,
            List<String> mismatches,
            UsageReadLatency.Latency json,
            UsageReadLatency.Latency csv,
            double loadBefore,
            double loadAfterIngest,
            double loadAfterReads) {
        StringBuilder out = new StringBuilder();
        String row = "%-78s %16s%n";
        out.append("%n== profile-service usage benchmark: real Kafka and PostgreSQL, %d cores ==%n"
                .formatted(Runtime.getRuntime().availableProcessors()));
        out.append(row.formatted(
                "publish %,d events + %,d redeliveries (before the service starts)"
                        .formatted(workload.distinct(), workload.duplicates()),
                "%,d ms".formatted(ingested.produced().toMillis())));
        out.append(row.formatted(
                "ingest, one consumer, first to last applied (%,d events)".formatted(ingested.applied()),
                "%,d ms".formatted(ingested.ingest().toMillis())));
        out.append(row.formatted("  events a second", "%,.0f".formatted(ingested.eventsPerSecond())));
        out.append(row.formatted(
                "ledger totals of %d profiles against the generator's"
                        .formatted(workload.expected().size()),
                mismatches.isEmpty() ? "exact" : mismatches.size() + " WRONG"));
        mismatches.stream()
                .limit(10)
                .forEach(mismatch -> out.append("  ").append(mismatch).append('\n'));
        out.append("GET /api/profiles/%s/usage?granularity=hour for %s..%s, %d requests after %d to warm up:%n"
                .formatted(
                        UsageWorkload.READ_PROFILE,
                        UsageWorkload.YEAR,
                        UsageWorkload.YEAR_END,
                        requests,
                        WARM_UP_REQUESTS));
        for (UsageReadLatency.Latency latency : List.of(json, csv)) {
            out.append(row.formatted(
                    "  %s (%,d rows, %,d bytes)".formatted(latency.format(), latency.rows(), latency.bytes()),
                    "p50 %.1f ms, p99 %.1f ms"
                            .formatted(
                                    latency.p50().toNanos() / 1e6, latency.p99().toNanos() / 1e6)));
        }
        out.append("load average (1 min): %.1f before ingest, %.1f after, %.1f after the reads%n"
                .formatted(loadBefore, loadAfterIngest, loadAfterReads));
        out.append("whole run: %d s%n"
                .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        return out.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void progress(String format, Object... arguments) {
        System.out.printf(
                "[%4d s] %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(), format.formatted(arguments));
    }
}
