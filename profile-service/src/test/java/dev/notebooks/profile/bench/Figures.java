package dev.notebooks.profile.bench;

import java.time.Duration;

/** What a run measured, and the summary it prints. */
record Figures(
        BenchmarkSettings settings,
        Duration bareWrites,
        Convergence.Converged converged,
        Convergence.SteadyState steadyState,
        ListingLatency.Latency alice,
        ListingLatency.Latency admin,
        Duration total) {

    private static final String ROW = "%-66s %14s";

    String summary() {
        StringBuilder out = new StringBuilder();
        line(out, "");
        line(
                out,
                "== profile-service benchmark: Kubernetes API double, real PostgreSQL and Kafka, %d cores ==",
                Runtime.getRuntime().availableProcessors());
        row(
                out,
                "converge %,d ProfileService (created, reconciled until all are Ready)".formatted(settings.profiles()),
                "%,d ms".formatted(converged.time().toMillis()));
        row(
                out,
                "bare API writes they need (%d each, same client, %d threads)"
                        .formatted(BareWrites.WRITES_PER_PROFILE, settings.workers()),
                "%,d ms".formatted(bareWrites.toMillis()));
        row(
                out,
                "ratio converge / bare writes",
                "%.2f".formatted((double) converged.time().toNanos() / bareWrites.toNanos()));
        line(
                out,
                "  the service's %d reconciler workers wrote %,d times: %s",
                settings.workers(),
                converged.writes().reconcilerWrites(),
                converged.writes().describe());
        row(
                out,
                "API writes in %d s at steady state (goal 0)"
                        .formatted(steadyState.window().toSeconds()),
                "%,d".formatted(steadyState.writes().reconcilerWrites()));
        line(
                out,
                "  %s, in %,d reconcile passes (resync every %d s); leader election renewed its Lease %d times",
                steadyState.writes().describe(),
                steadyState.passes(),
                BenchmarkSettings.RESYNC_PERIOD.toSeconds(),
                steadyState.writes().leaseRenewals());
        line(
                out,
                "GET /api/profiles with %,d profiles in the cluster, %d requests per caller after %d to warm up:",
                settings.listedProfiles(),
                settings.requests(),
                BenchmarkSettings.WARM_UP_REQUESTS);
        latency(out, alice, "owner of 1, contributor on %d".formatted(Workload.ALICE_PROFILES - 1));
        latency(out, admin, "cluster admin, first page");
        line(out, "whole run: %d s", total.toSeconds());
        return out.toString();
    }

    private static void latency(StringBuilder out, ListingLatency.Latency latency, String who) {
        row(
                out,
                "  %s, %s (%d items)".formatted(latency.caller(), who, latency.items()),
                "p50 %.1f ms, p99 %.1f ms"
                        .formatted(latency.p50().toNanos() / 1e6, latency.p99().toNanos() / 1e6));
    }

    private static void row(StringBuilder out, String label, String value) {
        line(out, ROW, label, value);
    }

    private static void line(StringBuilder out, String format, Object... arguments) {
        out.append(format.formatted(arguments)).append(System.lineSeparator());
    }
}
