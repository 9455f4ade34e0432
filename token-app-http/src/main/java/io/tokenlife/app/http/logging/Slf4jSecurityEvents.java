package io.tokenlife.app.http.logging;

import io.tokenlife.app.http.settings.LogFormat;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.port.out.SecurityEvents;
import net.logstash.logback.argument.StructuredArgument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Security events as log lines on the logger {@code tokenlife.security}: {@code security_event=<type>}
 * and the event's fields as key=value after the message in text; with {@code LOG_FORMAT=json} they are
 * JSON fields only, and {@code message} is the event's sentence without them. The domain
 * guarantees the fields hold no token, password or secret; values are stripped of line breaks so an
 * event cannot forge another log line.
 */
public final class Slf4jSecurityEvents implements SecurityEvents {
    public static final String LOGGER = "tokenlife.security";
    public static final String FIELD = "security_event";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern PLAIN = Pattern.compile("[^\\s=\"]*");

    private final boolean fieldsInMessage;

    /** Fields written into the text of each line, as {@code LOG_FORMAT=text} logs them. */
    public Slf4jSecurityEvents() {
        this(LogFormat.TEXT);
    }

    public Slf4jSecurityEvents(LogFormat format) {
        this.fieldsInMessage = format == LogFormat.TEXT;
    }

    @Override
    public void emit(SecurityEvent event) {
        List<StructuredArgument> args = new ArrayList<>();
        args.add(kv(FIELD, event.type().wireName()));
        StringBuilder format = new StringBuilder(oneLine(event.message())).append(placeholder());
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            if (field.getValue() != null) {
                args.add(field(field.getKey(), oneLine(field.getValue())));
                format.append(placeholder());
            }
        }
        Object[] arguments = args.toArray();
        if (event.level() == SecurityEvent.Level.WARN) {
            LOG.warn(format.toString(), arguments);
        } else {
            LOG.info(format.toString(), arguments);
        }
    }

    /** Without a placeholder an argument is still a JSON field, but no longer part of the message. */
    private String placeholder() {
        return fieldsInMessage ? " {}" : "";
    }

    /** key=value; quoted in text when the value has spaces or '=' so that logfmt readers split it right. */
    private static StructuredArgument field(String key, String value) {
        return PLAIN.matcher(value).matches() ? kv(key, value) : keyValue(key, value, "{0}=\"{1}\"");
    }

    /** Bounded here; line breaks and controls are the encoders' ({@link LogText}), for every logger alike. */
    private static String oneLine(String value) {
        return LogText.bounded(value, LogText.MAX_VALUE).replace("{}", "{ }");
    }
}
