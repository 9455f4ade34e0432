package io.tokenlife.app.http.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The text format: the pattern's line, stack trace included, made one line by {@link LogText#oneLine} and
 * cut at {@link LogText#MAX_TEXT_LINE}; exactly one line per event.
 */
public final class OneLineTextEncoder extends PatternLayoutEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = layout.doLayout(event);
        Charset charset = getCharset() == null ? StandardCharsets.UTF_8 : getCharset();
        return (LogText.bounded(stripLineEnd(line), LogText.MAX_TEXT_LINE) + System.lineSeparator()).getBytes(charset);
    }

    static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
