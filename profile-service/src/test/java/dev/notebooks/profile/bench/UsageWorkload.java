package dev.notebooks.profile.bench;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.EventTypes;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A year of notebook and volume events for the usage benchmark, with the totals they must give, computed here in long
 * integers independently of the ledger. {@value #PROFILES} profiles, each with {@value #NOTEBOOKS_PER_PROFILE} notebooks
 * and {@value #VOLUMES_PER_PROFILE} volumes; nine tenths of the events are notebooks' (started, updated, stopped), the
 * rest volumes' (created, resized, deleted at the end). Every notebook is stopped and every volume deleted before the
 * year ends, so the totals are fixed. Delivered as Kafka delivers: resources interleaved by time, each resource's
 * events in order on its key, except that {@value #LATE_PERCENT_TENTHS}&permil; arrive after the next event of their
 * resource and {@value #DUPLICATE_PERCENT_TENTHS}&permil; are delivered a second time after it.
 */
final class UsageWorkload {

    static final int PROFILES = 100;
    static final int NOTEBOOKS_PER_PROFILE = 4;
    static final int VOLUMES_PER_PROFILE = 2;
    static final int LATE_PERCENT_TENTHS = 5;
    static final int DUPLICATE_PERCENT_TENTHS = 10;
    static final Instant YEAR = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");
    static final String READ_PROFILE = profileName(0);

    private static final long YEAR_MS = YEAR_END.toEpochMilli() - YEAR.toEpochMilli();
    private static final Actor ALICE = Actor.api("alice@example.com");
    private static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    private static final String[] VENDORS = {"nvidia.com/gpu", "amd.com/gpu"};
    private static final String[] CLASSES = {"standard", "fast", null};

    /** A profile's usage over the year, in the generator's integer units. */
    static final class Expected {
        long millicoreMs;
        long mibMs;
        long gpuMs;
        long storageMibMs;

        BigDecimal cpuCoreMs() {
            return BigDecimal.valueOf(millicoreMs, 3);
        }

        BigDecimal memoryByteMs() {
            return new BigDecimal(BigInteger.valueOf(mibMs).shiftLeft(20));
        }

        BigDecimal storageByteMs() {
            return new BigDecimal(BigInteger.valueOf(storageMibMs).shiftLeft(20));
        }
    }

    /** One event as delivered: the time it is sent at in the merged stream, and whether it is a redelivery. */
    record Delivery(long sendAt, PlatformEvent<?> event, boolean duplicate) {}

    private final int events;
    private final long seed;
    private final Map<String, Expected> expected = new TreeMap<>();
    private int distinct;
    private int duplicates;

    /** @param events how many distinct events, about (rounded to whole events per resource) */
    UsageWorkload(int events, long seed) {
        this.events = events;
        this.seed = seed;
    }

    static String profileName(int index) {
        return "usage-bench-%03d".formatted(index);
    }

    Map<String, Expected> expected() {
        return expected;
    }

    int distinct() {
        return distinct;
    }

    int duplicates() {
        return duplicates;
    }

    /** Generates the year and hands each delivery to {@code sink}, in delivery order (all resources interleaved). */
    void deliver(Consumer<Delivery> sink) {
        int notebooks = PROFILES * NOTEBOOKS_PER_PROFILE;
        int volumes = PROFILES * VOLUMES_PER_PROFILE;
        int perNotebook = Math.max(2, (int) Math.round(events * 0.9 / notebooks));
        int perVolume = Math.max(2, (int) Math.round(events * 0.1 / volumes));
        PriorityQueue<Timeline> queue = new PriorityQueue<>(
                (a, b) -> Long.compare(a.peek().sendAt(), b.peek().sendAt()));
        Random random = new Random(seed);
        for (int p = 0; p < PROFILES; p++) {
            String profile = profileName(p);
            expected.put(profile, new Expected());
            for (int n = 0; n < NOTEBOOKS_PER_PROFILE; n++) {
                queue.add(new Timeline(notebook(profile, "notebook-" + n, perNotebook, new Random(random.nextLong()))));
            }
            for (int v = 0; v < VOLUMES_PER_PROFILE; v++) {
                queue.add(new Timeline(volume(profile, "volume-" + v, perVolume, new Random(random.nextLong()))));
            }
        }
        while (!queue.isEmpty()) {
            Timeline next = queue.poll();
            Delivery delivery = next.take();
            if (delivery.duplicate()) {
                duplicates++;
            } else {
                distinct++;
            }
            sink.accept(delivery);
            if (next.hasNext()) {
                queue.add(next);
            }
        }
    }

    /** One resource's deliveries, in order. */
    private static final class Timeline {
        private final List<Delivery> deliveries;
        private int position;

        Timeline(List<Delivery> deliveries) {
            this.deliveries = deliveries;
        }

        Delivery peek() {
            return deliveries.get(position);
        }

        Delivery take() {
            return deliveries.get(position++);
        }

        boolean hasNext() {
            return position < deliveries.size();
        }
    }

    private List<Delivery> notebook(String profile, String name, int count, Random random) {
        long[] times = times(count, random);
        Expected totals = expected.get(profile);
        List<PlatformEvent<?>> timeline = new ArrayList<>();
        NotebookResources resources = resources(random);
        boolean running = false;
        long runningSince = 0;
        for (int i = 0; i < count; i++) {
            long t = times[i];
            boolean last = i == count - 1;
            if (running) {
                account(totals, resources, t - runningSince);
            }
            if (last || (running && random.nextInt(3) == 0)) {
                timeline.add(at(
                        t,
                        new NotebookStopped(
                                ALICE,
                                profile,
                                name,
                                IMAGE,
                                ServerType.JUPYTER,
                                resources,
                                List.of(),
                                "stopped by user",
                                null)));
                running = false;
            } else if (running) {
                NotebookResources before = resources;
                resources = resources(random);
                timeline.add(at(
                        t,
                        new NotebookUpdated(
                                ALICE,
                                profile,
                                name,
                                IMAGE,
                                ServerType.JUPYTER,
                                resources,
                                List.of(),
                                new NotebookUpdated.Before(IMAGE, before, List.of()),
                                true)));
            } else {
                timeline.add(at(
                        t, new NotebookStarted(ALICE, profile, name, IMAGE, ServerType.JUPYTER, resources, List.of())));
                running = true;
            }
            runningSince = t;
        }
        return deliveries(timeline, times, random);
    }

    private List<Delivery> volume(String profile, String name, int count, Random random) {
        long[] times = times(count, random);
        Expected totals = expected.get(profile);
        List<PlatformEvent<?>> timeline = new ArrayList<>();
        String storageClass = CLASSES[random.nextInt(CLASSES.length)];
        String size = size(random);
        for (int i = 0; i < count; i++) {
            long t = times[i];
            Instant time = YEAR.plusMillis(t);
            if (i > 0) {
                totals.storageMibMs += mib(size) * (t - times[i - 1]);
            }
            if (i == 0) {
                timeline.add(at(
                        t,
                        new VolumeCreated(ALICE, profile, name, size, storageClass, List.of("ReadWriteOnce"), time)));
            } else if (i == count - 1) {
                timeline.add(at(
                        t,
                        new VolumeDeleted(ALICE, profile, name, size, storageClass, List.of("ReadWriteOnce"), time)));
            } else {
                String previous = size;
                size = size(random);
                timeline.add(at(
                        t,
                        new VolumeResized(
                                ALICE, profile, name, previous, size, storageClass, List.of("ReadWriteOnce"), time)));
            }
        }
        return deliveries(timeline, times, random);
    }

    /** The resource's events as delivered: some a place late, some twice. */
    private static List<Delivery> deliveries(List<PlatformEvent<?>> timeline, long[] times, Random random) {
        List<Delivery> deliveries = new ArrayList<>(timeline.size() + timeline.size() / 50);
        int i = 0;
        while (i < timeline.size()) {
            boolean hasNext = i + 1 < timeline.size();
            if (hasNext && random.nextInt(1000) < LATE_PERCENT_TENTHS) {
                deliveries.add(new Delivery(times[i + 1], timeline.get(i + 1), false));
                deliveries.add(new Delivery(times[i + 1], timeline.get(i), false));
                i += 2;
                continue;
            }
            deliveries.add(new Delivery(times[i], timeline.get(i), false));
            if (random.nextInt(1000) < DUPLICATE_PERCENT_TENTHS) {
                long later = hasNext ? times[i + 1] : times[i];
                if (hasNext) {
                    deliveries.add(new Delivery(later, timeline.get(i + 1), false));
                    i++;
                }
                deliveries.add(new Delivery(later, timeline.get(i - (hasNext ? 1 : 0)), true));
            }
            i++;
        }
        return deliveries;
    }

    private static void account(Expected totals, NotebookResources resources, long ms) {
        totals.millicoreMs += millicores(resources.cpu()) * ms;
        totals.mibMs += mib(resources.memory()) * ms;
        totals.gpuMs += (long) resources.gpu().count() * ms;
    }

    /** Distinct, increasing times within the year. */
    private static long[] times(int count, Random random) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = random.nextLong(YEAR_MS - count);
        }
        Arrays.sort(times);
        for (int i = 1; i < count; i++) {
            if (times[i] <= times[i - 1]) {
                times[i] = times[i - 1] + 1;
            }
        }
        return times;
    }

    private static NotebookResources resources(Random random) {
        long millicores = 100L * (1 + random.nextInt(40));
        String cpu = millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
        long mib = 256L * (1 + random.nextInt(64));
        String memory = mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi";
        int gpus = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        Gpu gpu = gpus == 0 ? Gpu.none() : new Gpu(gpus, VENDORS[random.nextInt(VENDORS.length)]);
        return new NotebookResources(cpu, memory, null, null, gpu);
    }

    private static String size(Random random) {
        long mib = 512L * (1 + random.nextInt(200));
        return mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi";
    }

    private static long mib(String size) {
        long value = Long.parseLong(size.substring(0, size.length() - 2));
        return size.endsWith("Gi") ? value * 1024 : value;
    }

    private static long millicores(String cpu) {
        return cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1)) : Long.parseLong(cpu) * 1000;
    }

    private static <T extends EventData> PlatformEvent<T> at(long offset, T data) {
        boolean volume =
                data instanceof VolumeCreated || data instanceof VolumeResized || data instanceof VolumeDeleted;
        String subject = subject(data);
        return new PlatformEvent<>(
                UUID.randomUUID(),
                volume ? "volume-service" : "notebook-service",
                EventTypes.ofData(data.getClass()).name(),
                subject,
                subject,
                YEAR.plusMillis(offset),
                data);
    }

    private static String subject(EventData data) {
        if (data instanceof dev.notebooks.platform.events.notebook.NotebookData notebook) {
            return notebook.namespace() + "/" + notebook.name();
        }
        dev.notebooks.platform.events.volume.VolumeData volume = (dev.notebooks.platform.events.volume.VolumeData) data;
        return volume.namespace() + "/" + volume.name();
    }
}
