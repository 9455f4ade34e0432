package io.tokenlife.app.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http refuses to send: a chosen {@code Host}, a request
 * line with a bad version or the asterisk form, a method such as CONNECT. Reads until the server closes.
 */
public final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    /** Sends the request head (lines without the final blank line; {@code Connection: close} is added) and a body. */
    public static Answer send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3_000);
            String request = head + "\r\nConnection: close\r\n" + (body.length > 0 ? "Content-Length: " + body.length
                    + "\r\n" : "") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean closed = true;
            try {
                socket.getInputStream().transferTo(out);
            } catch (java.net.SocketTimeoutException e) {
                closed = false; // the server kept the connection open; the answer must still be complete
            }
            return Answer.parse(out.toByteArray(), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    /** A parsed answer: status, headers (lower-case names), the body bytes as sent, whether the server closed. */
    public record Answer(int status, Map<String, String> headers, byte[] body, boolean closedByServer) {
        static Answer parse(byte[] raw, boolean closed) {
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (split < 0) {
                throw new AssertionError("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + "," + b);
            }
            return new Answer(status, headers, Arrays.copyOfRange(raw, split + 4, raw.length), closed);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body decoded as strict UTF-8: malformed bytes fail the test instead of becoming U+FFFD. */
        public String utf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("the body is not UTF-8: " + Arrays.toString(body), e);
            }
        }

        public JsonNode json() {
            try {
                return JSON.readTree(utf8());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + utf8(), e);
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
