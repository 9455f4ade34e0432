package io.tokenlife.app.http;

import io.tokenlife.domain.service.TokenServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started service: its port, and an idempotent graceful stop (HTTP first, then jobs, then the database). */
public final class TokenlifeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenlifeServer.class);

    private final HttpApplication app;
    private final TokenServices services;
    private final ScheduledExecutorService jobs;
    private final AutoCloseable storage;
    private final AtomicBoolean closed = new AtomicBoolean();

    TokenlifeServer(HttpApplication app, TokenServices services, ScheduledExecutorService jobs, AutoCloseable storage) {
        this.app = app;
        this.services = services;
        this.jobs = jobs;
        this.storage = storage;
    }

    public int port() {
        return app.port();
    }

    public HttpApplication application() {
        return app;
    }

    /** The domain use cases this server runs on (for embedding and tests, e.g. to issue a session token). */
    public TokenServices services() {
        return services;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("tokenlife stopping");
        app.stop(); // Jetty finishes the requests in flight before it stops
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(5, TimeUnit.SECONDS)) {
                jobs.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            storage.close();
        } catch (Exception e) {
            LOG.warn("closing the database failed: {}", e.toString());
        }
        LOG.info("tokenlife stopped");
    }
}
