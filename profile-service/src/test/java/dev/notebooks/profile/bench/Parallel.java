package dev.notebooks.profile.bench;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Runs a task for each index 0..count-1 on a fixed number of threads, and fails with the first task that failed. */
final class Parallel {

    interface Task {
        void run(int index) throws Exception;
    }

    private Parallel() {}

    static void run(int count, int threads, Task task) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> done = IntStream.range(0, count)
                    .mapToObj(index -> pool.submit(() -> {
                        task.run(index);
                        return null;
                    }))
                    .toList();
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
