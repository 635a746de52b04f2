package dev.notebooks.profile.events.usage;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A day of notebook and volume events for many profiles, with the figures they must give, computed here by a plain
 * walk over each resource's timeline in long integers (millicores x ms, MiB x ms, GPUs x ms, MiB x ms of storage),
 * independent of the ledger's code. Some stops are lost (the notebook keeps accruing until its next event), some
 * notebooks and volumes are left running at the end of the day (open intervals), some volumes are deleted and made
 * again under the same name. {@link #delivery} gives the events as Kafka might: duplicated and shuffled.
 */
final class GeneratedDay {

    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;
    static final String[] VENDORS = {"nvidia.com/gpu", "amd.com/gpu"};
    static final String[] CLASSES = {"standard", "fast", null};
    private static final Actor ALICE = Actor.api("alice@example.com");
    private static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    /** Exact expected usage of one profile in one hour, in the generator's integer units. */
    static final class Expected {
        long millicoreMs;
        long mibMs;
        final Map<String, Long> gpuMs = new TreeMap<>();
        final Map<String, Long> storageMibMs = new TreeMap<>();

        void add(Expected other) {
            millicoreMs += other.millicoreMs;
            mibMs += other.mibMs;
            other.gpuMs.forEach((vendor, ms) -> gpuMs.merge(vendor, ms, Long::sum));
            other.storageMibMs.forEach((storageClass, ms) -> storageMibMs.merge(storageClass, ms, Long::sum));
        }

        BigInteger memoryByteMs() {
            return BigInteger.valueOf(mibMs).shiftLeft(20);
        }

        boolean isZero() {
            return millicoreMs == 0
                    && mibMs == 0
                    && gpuMs.values().stream().allMatch(ms -> ms == 0)
                    && storageMibMs.values().stream().allMatch(ms -> ms == 0);
        }
    }

    /** A state of a resource from an instant on, as the generator meant it. */
    private record Step(long at, boolean on, long millicores, long mib, int gpus, long storageMib, String dimension) {}

    final Instant start;
    final List<String> profiles = new ArrayList<>();
    final List<PlatformEvent<?>> notebookEvents = new ArrayList<>();
    final List<PlatformEvent<?>> volumeEvents = new ArrayList<>();
    /** profile -> hour start -> expected. */
    final Map<String, TreeMap<Instant, Expected>> expected = new TreeMap<>();

    int lostStops;

    private final Random random;

    GeneratedDay(long seed, Instant start, List<String> profiles, int notebooksPerProfile, int volumesPerProfile) {
        this.random = new Random(seed);
        this.start = start;
        this.profiles.addAll(profiles);
        for (String profile : profiles) {
            TreeMap<Instant, Expected> hours = new TreeMap<>();
            for (int hour = 0; hour < 24; hour++) {
                hours.put(start.plus(hour, ChronoUnit.HOURS), new Expected());
            }
            expected.put(profile, hours);
            for (int n = 0; n < notebooksPerProfile; n++) {
                notebook(profile, "nb-" + n);
            }
            for (int v = 0; v < volumesPerProfile; v++) {
                volume(profile, "vol-" + v);
            }
        }
    }

    /** Expected figures of the profile over the whole day. */
    Expected dayOf(String profile) {
        Expected day = new Expected();
        expected.get(profile).values().forEach(day::add);
        return day;
    }

    /** Every event once, plus {@code duplicates} of them again, shuffled across and within resources. */
    List<PlatformEvent<?>> delivery(List<PlatformEvent<?>> events, double duplicates) {
        List<PlatformEvent<?>> delivered = new ArrayList<>(events);
        for (PlatformEvent<?> event : events) {
            if (random.nextDouble() < duplicates) {
                delivered.add(event);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    private void notebook(String profile, String name) {
        int count = 3 + random.nextInt(8);
        long[] times = times(count);
        List<Step> steps = new ArrayList<>();
        String subject = Subjects.namespaced(profile, name);
        NotebookResources resources = resources();
        boolean running = false;
        notebookEvents.add(at(
                subject,
                times[0],
                new NotebookCreated(ALICE, profile, name, IMAGE, ServerType.JUPYTER, resources, List.of())));
        steps.add(off(times[0]));
        for (int i = 1; i < count; i++) {
            long t = times[i];
            boolean last = i == count - 1;
            if (last && random.nextInt(3) == 0) {
                notebookEvents.add(at(
                        subject,
                        t,
                        new NotebookDeleted(ALICE, profile, name, IMAGE, ServerType.JUPYTER, resources, List.of())));
                steps.add(off(t));
                running = false;
                continue;
            }
            if (!running) {
                if (random.nextInt(5) == 0) {
                    NotebookResources before = resources;
                    resources = resources();
                    notebookEvents.add(at(subject, t, updated(profile, name, before, resources, false)));
                    steps.add(off(t));
                } else {
                    notebookEvents.add(at(
                            subject,
                            t,
                            new NotebookStarted(
                                    ALICE, profile, name, IMAGE, ServerType.JUPYTER, resources, List.of())));
                    steps.add(on(t, resources));
                    running = true;
                }
                continue;
            }
            switch (random.nextInt(5)) {
                case 0 -> {
                    NotebookResources before = resources;
                    resources = resources();
                    notebookEvents.add(at(subject, t, updated(profile, name, before, resources, true)));
                    steps.add(on(t, resources));
                }
                case 1 -> {
                    notebookEvents.add(at(
                            subject,
                            t,
                            new NotebookCulled(
                                    ALICE,
                                    profile,
                                    name,
                                    IMAGE,
                                    ServerType.JUPYTER,
                                    resources,
                                    List.of(),
                                    "idle",
                                    null)));
                    steps.add(off(t));
                    running = false;
                }
                case 2 -> {
                    notebookEvents.add(at(
                            subject,
                            t,
                            new NotebookFailed(
                                    ALICE,
                                    profile,
                                    name,
                                    IMAGE,
                                    ServerType.JUPYTER,
                                    resources,
                                    List.of(),
                                    "ImagePullBackOff",
                                    "cannot pull")));
                    steps.add(off(t));
                    running = false;
                }
                default -> {
                    if (random.nextInt(4) == 0) {
                        // the stop is lost: it never reaches the ledger, and the notebook is still counted as running
                        lostStops++;
                        running = false;
                        // the next event (a start) re-states it running; until then it accrues at its old requests
                    } else {
                        notebookEvents.add(at(
                                subject,
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
                        steps.add(off(t));
                        running = false;
                    }
                }
            }
        }
        account(profile, steps);
    }

    private void volume(String profile, String name) {
        int count = 1 + random.nextInt(5);
        long[] times = times(count);
        List<Step> steps = new ArrayList<>();
        String subject = Subjects.namespaced(profile, name);
        String storageClass = CLASSES[random.nextInt(CLASSES.length)];
        String size = null;
        boolean exists = false;
        for (int i = 0; i < count; i++) {
            long t = times[i];
            Instant time = start.plusMillis(t);
            if (!exists) {
                size = size();
                // bound a few milliseconds before the event is written, as volume-service observes it
                long bound = i == 0 ? Math.max(0, t - random.nextInt(5)) : t;
                volumeEvents.add(at(
                        subject,
                        t,
                        new VolumeCreated(
                                ALICE,
                                profile,
                                name,
                                size,
                                storageClass,
                                List.of("ReadWriteOnce"),
                                start.plusMillis(bound))));
                steps.add(new Step(bound, true, 0, 0, 0, mib(size), dimension(storageClass)));
                exists = true;
            } else if (random.nextInt(3) == 0) {
                volumeEvents.add(at(
                        subject,
                        t,
                        new VolumeDeleted(ALICE, profile, name, size, storageClass, List.of("ReadWriteOnce"), time)));
                steps.add(off(t));
                exists = false;
            } else {
                String previous = size;
                size = size();
                volumeEvents.add(at(
                        subject,
                        t,
                        new VolumeResized(
                                ALICE, profile, name, previous, size, storageClass, List.of("ReadWriteOnce"), time)));
                steps.add(new Step(t, true, 0, 0, 0, mib(size), dimension(storageClass)));
            }
        }
        account(profile, steps);
    }

    /** Walks the resource's steps: each holds until the next one, the last until the end of the day. */
    private void account(String profile, List<Step> steps) {
        TreeMap<Instant, Expected> hours = expected.get(profile);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long end = i + 1 < steps.size() ? steps.get(i + 1).at() : DAY_MS;
            if (!step.on()) {
                continue;
            }
            for (long hour = step.at() / HOUR_MS * HOUR_MS; hour < end; hour += HOUR_MS) {
                long ms = Math.min(end, hour + HOUR_MS) - Math.max(step.at(), hour);
                if (ms <= 0) {
                    continue;
                }
                Expected expectedHour = hours.get(start.plusMillis(hour));
                if (step.storageMib() > 0) {
                    expectedHour.storageMibMs.merge(step.dimension(), step.storageMib() * ms, Long::sum);
                    continue;
                }
                expectedHour.millicoreMs += step.millicores() * ms;
                expectedHour.mibMs += step.mib() * ms;
                if (step.gpus() > 0) {
                    expectedHour.gpuMs.merge(step.dimension(), step.gpus() * ms, Long::sum);
                }
            }
        }
    }

    private long[] times(int count) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = random.nextLong(DAY_MS);
        }
        java.util.Arrays.sort(times);
        for (int i = 1; i < count; i++) {
            if (times[i] <= times[i - 1]) {
                times[i] = times[i - 1] + 1;
            }
        }
        return times;
    }

    private NotebookResources resources() {
        long millicores = 100L * (1 + random.nextInt(40));
        String cpu = millicores % 1000 == 0 ? Long.toString(millicores / 1000) : millicores + "m";
        long mib = 256L * (1 + random.nextInt(64));
        String memory = mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi";
        int gpus = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        Gpu gpu = gpus == 0 ? Gpu.none() : new Gpu(gpus, VENDORS[random.nextInt(VENDORS.length)]);
        return new NotebookResources(cpu, memory, null, null, gpu);
    }

    private String size() {
        long mib = 512L * (1 + random.nextInt(200));
        return mib % 1024 == 0 ? (mib / 1024) + "Gi" : mib + "Mi";
    }

    private static long mib(String size) {
        return size.endsWith("Gi")
                ? Long.parseLong(size.substring(0, size.length() - 2)) * 1024
                : Long.parseLong(size.substring(0, size.length() - 2));
    }

    private static long millicores(String cpu) {
        return cpu.endsWith("m") ? Long.parseLong(cpu.substring(0, cpu.length() - 1)) : Long.parseLong(cpu) * 1000;
    }

    private static Step off(long at) {
        return new Step(at, false, 0, 0, 0, 0, "");
    }

    private static Step on(long at, NotebookResources resources) {
        return new Step(
                at,
                true,
                millicores(resources.cpu()),
                mib(resources.memory()),
                resources.gpu().count(),
                0,
                resources.gpu().count() > 0 ? resources.gpu().vendor() : "");
    }

    private static String dimension(String storageClass) {
        return storageClass == null ? "" : storageClass;
    }

    private static NotebookUpdated updated(
            String profile, String name, NotebookResources before, NotebookResources after, boolean running) {
        return new NotebookUpdated(
                ALICE,
                profile,
                name,
                IMAGE,
                ServerType.JUPYTER,
                after,
                List.of(),
                new NotebookUpdated.Before(IMAGE, before, List.of()),
                running);
    }

    private <T extends dev.notebooks.platform.events.EventData> PlatformEvent<T> at(
            String subject, long offset, T data) {
        return new PlatformEvent<>(
                UUID.randomUUID(),
                data instanceof VolumeCreated || data instanceof VolumeResized || data instanceof VolumeDeleted
                        ? "volume-service"
                        : "notebook-service",
                dev.notebooks.platform.events.EventTypes.ofData(data.getClass()).name(),
                subject,
                subject,
                start.plusMillis(offset),
                data);
    }
}
