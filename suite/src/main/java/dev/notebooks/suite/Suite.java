package dev.notebooks.suite;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.EmbeddedApplication;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of the suite in one JVM, for one machine: each runs in an application context of its own, as it would
 * in a process of its own (its configuration, beans, HTTP port, database, Kafka clients, informers and leader
 * election), while the classes, the libraries' among them, are loaded once for all. Five JVMs hold five copies of
 * ~14,000 classes' metadata; this one holds one (docs/benchmarks.md).
 *
 * <p>Settings come from the environment as for the services alone; a variable meant for one service only carries its
 * name as a prefix ({@link SuiteMember#prefix()}), {@code PROFILE_SERVICE_MICRONAUT_CONFIG_FILES} among them
 * ({@link MemberConfigFiles}); {@code SUITE_SERVICES} names which to run (all five if unset).
 */
public final class Suite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Suite.class);

    private final Map<String, ApplicationContext> contexts;

    private Suite(Map<String, ApplicationContext> contexts) {
        this.contexts = contexts;
    }

    public static void main(String[] args) throws InterruptedException {
        Suite suite;
        try {
            suite = start(SuiteMember.named(System.getenv("SUITE_SERVICES")), System.getenv());
        } catch (RuntimeException e) {
            LOG.error("The suite did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-shutdown"));
        // the contexts' threads are daemons, as in Micronaut's own launcher: main waits for the end
        new CountDownLatch(1).await();
    }

    /**
     * Starts the members one after the other, each once the one before is started.
     *
     * @throws IllegalStateException when one does not start; those started before it are stopped
     */
    public static Suite start(List<SuiteMember> members, Map<String, String> environment) {
        ClassLoader classes = Suite.class.getClassLoader();
        Map<SuiteMember, URL> code = new LinkedHashMap<>();
        SuiteMember.ALL.forEach(member -> code.put(member, MemberClassLoader.codeOf(member, classes)));
        Map<String, ApplicationContext> started = new LinkedHashMap<>();
        for (SuiteMember member : members) {
            List<URL> othersCode = new ArrayList<>(code.values());
            othersCode.remove(code.get(member));
            try {
                started.put(
                        member.name(),
                        startMember(member, new MemberClassLoader(member, classes, othersCode), environment));
            } catch (RuntimeException e) {
                new Suite(started).close();
                throw new IllegalStateException(member.name() + " did not start: " + e.getMessage(), e);
            }
        }
        return new Suite(started);
    }

    private static ApplicationContext startMember(
            SuiteMember member, ClassLoader loader, Map<String, String> environment) {
        long start = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // the threads the context starts inherit it: what they look up by the context class loader is the member's
        thread.setContextClassLoader(loader);
        try {
            MemberEnvironment settings = new MemberEnvironment(member, environment);
            List<PropertySource> sources = new ArrayList<>(MemberConfigFiles.read(member, settings.ownConfigFiles()));
            sources.add(settings);
            ApplicationContext context = ApplicationContext.builder()
                    .classLoader(loader)
                    .environments(environments(environment))
                    .propertySources(sources.toArray(PropertySource[]::new))
                    .start();
            try {
                context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
            LOG.info(
                    "{} started in {} ms on port {}",
                    member.name(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    context.getProperty("micronaut.server.port", Integer.class).orElse(-1));
            return context;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    // Micronaut reads MICRONAUT_ENVIRONMENTS from the process's environment; the suite's may be given (tests)
    private static String[] environments(Map<String, String> environment) {
        String names = environment.getOrDefault("MICRONAUT_ENVIRONMENTS", "");
        return names.isBlank() ? new String[0] : names.replace(" ", "").split(",");
    }

    /** The running member's context, by the service's name. */
    public Optional<ApplicationContext> context(String member) {
        return Optional.ofNullable(contexts.get(member));
    }

    public List<String> members() {
        return List.copyOf(contexts.keySet());
    }

    /** Stops the members in the reverse of their start order. */
    @Override
    public synchronized void close() {
        List<Map.Entry<String, ApplicationContext>> running = new ArrayList<>(contexts.entrySet());
        Collections.reverse(running);
        for (Map.Entry<String, ApplicationContext> member : running) {
            try {
                ApplicationContext context = member.getValue();
                if (context.isRunning()) {
                    context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::stop);
                    context.close();
                }
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly: {}", member.getKey(), e.toString());
            }
        }
    }
}
