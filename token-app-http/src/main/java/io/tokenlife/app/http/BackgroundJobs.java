package io.tokenlife.app.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The one way the service's background jobs stop: a run in progress may finish, for up to 5 s. */
final class BackgroundJobs {
    private BackgroundJobs() {
    }

    static void stop(ExecutorService jobs) {
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(5, TimeUnit.SECONDS)) {
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
