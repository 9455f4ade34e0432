package io.tokenlife.app.http.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.encoder.LogstashEncoder;

import java.nio.charset.StandardCharsets;

/**
 * The JSON format: one object per line. Jackson already escapes C0 controls inside strings; the rest of
 * {@link LogText#oneLine}'s set (NEL, U+2028/U+2029, bidirectional overrides) is escaped here, which keeps
 * the line valid JSON.
 */
public final class OneLineJsonEncoder extends LogstashEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = new String(super.encode(event), StandardCharsets.UTF_8);
        return (LogText.oneLine(OneLineTextEncoder.stripLineEnd(line)) + System.lineSeparator())
                .getBytes(StandardCharsets.UTF_8);
    }
}
