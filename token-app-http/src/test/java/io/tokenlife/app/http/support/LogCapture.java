package io.tokenlife.app.http.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.tokenlife.app.http.logging.OneLineJsonEncoder;
import io.tokenlife.app.http.logging.OneLineTextEncoder;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every log line of the process while open, rendered both as text (with stack traces) and as JSON, by the
 * service's own encoders: one line per event.
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final ByteArrayOutputStream json = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> textAppender;
    private final OutputStreamAppender<ILoggingEvent> jsonAppender;
    private final Logger root;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder pattern = new OneLineTextEncoder();
        pattern.setContext(context);
        pattern.setPattern("%level %logger - %msg%n%ex");
        pattern.start();
        LogstashEncoder logstash = new OneLineJsonEncoder();
        logstash.setContext(context);
        logstash.start();
        textAppender = appender(context, pattern, text, "capture-text");
        jsonAppender = appender(context, logstash, json, "capture-json");
        root.addAppender(textAppender);
        root.addAppender(jsonAppender);
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, Encoder<ILoggingEvent> encoder,
                                                                ByteArrayOutputStream out, String name) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        return appender;
    }

    public synchronized String text() {
        return text.toString(StandardCharsets.UTF_8);
    }

    public synchronized String json() {
        return json.toString(StandardCharsets.UTF_8);
    }

    public String all() {
        return text() + "\n" + json();
    }

    @Override
    public void close() {
        root.detachAppender(textAppender);
        root.detachAppender(jsonAppender);
        textAppender.stop();
        jsonAppender.stop();
    }
}
