package io.tokenlife.app.http.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read with a size limit and checked field by field, so that every mistake (malformed
 * JSON, wrong type, unknown or missing field, too large) is a 400/413 naming the field, never a 500.
 * Error details never echo the input: a body may hold a token.
 */
public final class RequestBody {
    public static final int MAX_BYTES = 64 * 1024;
    /**
     * At most this much of a body nobody read is dropped before the connection is reused; after a larger one
     * the answer says {@code Connection: close}.
     */
    public static final long DISCARD_LIMIT = 1024 * 1024;
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    /**
     * The request whose body {@link #bytes} read to its declared end on this thread (Javalin runs a request's
     * handlers on one thread), so that {@link #discardUnread} has nothing left to drop: Jetty finds the end of
     * that body itself when the exchange completes. Asking the servlet stream for it went through half a dozen
     * locked layers, a tenth of an introspection's CPU time with the read of the body itself (bench/README.md,
     * "Results of 2026-12-01, evening"). Keyed by the request object, so a value left by another request is
     * never taken for this one's.
     */
    private static final ThreadLocal<Object> READ_TO_END = new ThreadLocal<>();

    private RequestBody() {
    }

    /** The raw body, at most {@link #MAX_BYTES}. */
    public static byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared >= 0) {
                byte[] body = exactly(in, (int) declared);
                if (body.length == declared) {
                    READ_TO_END.set(ctx.req());
                }
                return body;
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.invalidRequest("the request body could not be read");
        }
    }

    /**
     * A body with a Content-Length (Jetty delivers no more than it) read into an array of that size, with no
     * read past its end: reading up to the limit went through an 8 KiB scratch buffer for every small form or
     * JSON body, and {@code readNBytes} asks the stream once more after the last byte. A shorter body (the
     * client went away) is what arrived.
     */
    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                return Arrays.copyOf(body, read);
            }
            read += n;
        }
        return body;
    }

    /**
     * An {@code after} handler for every request: reads and drops what is left of a body the answer did not
     * need (a refused cross-site post, an unsupported method, a redirect to sign in), up to {@link
     * #DISCARD_LIMIT}. A server that closes with unread bytes resets the connection, and the client then
     * loses the answer it was sent. A body already read costs one read that returns at once.
     */
    public static void discardUnread(Context ctx) {
        Object readToEnd = READ_TO_END.get();
        if (readToEnd != null) {
            READ_TO_END.remove();
            if (readToEnd == ctx.req()) {
                return;
            }
        }
        try {
            ServletInputStream in = ctx.req().getInputStream();
            if (in.isFinished()) {
                return; // no body, or all of it read: no scratch buffer (8 KiB of garbage per request), no read
            }
            byte[] scratch = new byte[8192];
            long left = DISCARD_LIMIT;
            int n;
            while (left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away or the stream was taken as a reader: nothing to discard
        }
    }

    /** A JSON object with only the {@code allowed} fields; an empty body is an empty object when {@code optional}. */
    public static JsonObject json(Context ctx, boolean optional, Set<String> allowed) {
        byte[] body = bytes(ctx);
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            if (optional) {
                return new JsonObject(Json.MAPPER.createObjectNode());
            }
            throw ApiException.invalidRequest("a JSON object body is required");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonParseException e) {
            throw ApiException.invalidRequest("malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw ApiException.invalidRequest("malformed JSON");
        } catch (IOException e) {
            throw ApiException.invalidRequest("the request body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidRequest("the body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.invalidRequest("unknown field '" + Echo.printable(name, 40) + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new JsonObject((ObjectNode) node);
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body (first value of each). */
    public static Map<String, String> form(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length())) {
            throw ApiException.invalidRequest("the body must be application/x-www-form-urlencoded");
        }
        return parseForm(bytes(ctx));
    }

    /**
     * Splits and decodes a form body on its bytes: {@code &} and {@code =} never occur inside a UTF-8
     * multi-byte sequence, and a part without {@code %} or {@code +} (a token, for one) becomes its String in
     * one step. Decoding the whole body to a String, splitting it and running every part through
     * {@code URLDecoder} copied a 700-byte token three times per introspection.
     */
    static Map<String, String> parseForm(byte[] body) {
        Map<String, String> fields = new HashMap<>(4);
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, '&', start, body.length);
            if (end > start) {
                int eq = indexOf(body, '=', start, end);
                String name = decoded(body, start, eq);
                String value = eq == end ? "" : decoded(body, eq + 1, end);
                fields.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return fields;
    }

    /** The index of {@code c} in {@code body[from, to)}, or {@code to}. */
    private static int indexOf(byte[] body, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == c) {
                return i;
            }
        }
        return to;
    }

    private static String decoded(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == '%' || body[i] == '+') {
                try {
                    return URLDecoder.decode(new String(body, from, to - from, StandardCharsets.UTF_8),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalidRequest("the form body has a malformed percent-encoding");
                }
            }
        }
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    private static ApiException tooLarge() {
        return ApiException.tooLarge("the request body exceeds " + MAX_BYTES + " bytes");
    }

    /** A JSON object whose fields are read with their expected type. */
    public record JsonObject(ObjectNode node) {
        public Optional<String> optionalString(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw wrongType(field, "a string", value);
            }
            return Optional.of(value.textValue());
        }

        public String requiredString(String field) {
            String value = optionalString(field)
                    .orElseThrow(() -> ApiException.invalidRequest("the field '" + field + "' is required"));
            if (value.isBlank()) {
                throw ApiException.invalidRequest("the field '" + field + "' must not be blank");
            }
            return value;
        }

        public Optional<Integer> optionalInt(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw wrongType(field, "a whole number", value);
            }
            return Optional.of(value.intValue());
        }

        public Optional<Boolean> optionalBoolean(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isBoolean()) {
                throw wrongType(field, "true or false", value);
            }
            return Optional.of(value.booleanValue());
        }

        /** Whether the body has any of the fields (with a non-null value). */
        public boolean hasAny(Set<String> fields) {
            return fields.stream().anyMatch(f -> node.hasNonNull(f));
        }

        private static ApiException wrongType(String field, String expected, JsonNode value) {
            return ApiException.invalidRequest("the field '" + field + "' must be " + expected + ", got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
    }
}
