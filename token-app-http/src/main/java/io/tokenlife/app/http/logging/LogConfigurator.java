package io.tokenlife.app.http.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.tokenlife.app.http.settings.LogFormat;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Switches the console log between text and one JSON object per line ({@code LOG_FORMAT}), once the
 * settings are known; until then logback.xml's text format applies. Both formats write exactly one line per
 * event, every value neutralised ({@link LogText}).
 */
public final class LogConfigurator {
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    private LogConfigurator() {
    }

    public static void apply(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (e.g. in an embedding test): leave it alone
        }
        Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? json(context) : text(context);
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender("console");
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        routeJavaUtilLogging(context);
    }

    /**
     * Libraries that log through java.util.logging or {@code System.Logger} (whose default is java.util.logging:
     * Caffeine's failed loads with their stack traces, for one) wrote to stderr in JUL's own two-line format.
     * Their records now go through SLF4J to the same appender and format, one line per event; the level
     * propagator tells JUL logback's levels, so records nobody logs are dropped before they are formatted.
     */
    static void routeJavaUtilLogging(LoggerContext context) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        if (context.getCopyOfListenerList().stream().noneMatch(LevelChangePropagator.class::isInstance)) {
            LevelChangePropagator propagator = new LevelChangePropagator();
            propagator.setContext(context);
            propagator.setResetJUL(true);
            propagator.start();
            context.addListener(propagator);
        }
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new OneLineTextEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new OneLineJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
