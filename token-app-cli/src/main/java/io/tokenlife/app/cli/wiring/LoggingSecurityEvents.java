package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.port.out.SecurityEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/** Security events as log lines with the field {@code security_event}; the CLI shows warnings on stderr. */
final class LoggingSecurityEvents implements SecurityEvents {
    private static final Logger LOG = LoggerFactory.getLogger("tokenlife.security");

    @Override
    public void emit(SecurityEvent event) {
        LoggingEventBuilder builder = LOG.atLevel(event.level() == SecurityEvent.Level.WARN ? Level.WARN : Level.INFO)
                .addKeyValue("security_event", event.type().wireName());
        event.fields().forEach((k, v) -> {
            if (v != null) {
                builder.addKeyValue(k, v);
            }
        });
        builder.log(event.message());
    }
}
