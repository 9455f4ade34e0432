package io.tokenlife.app.http.web;

import io.javalin.http.Context;

/** Writing JSON answers with the one mapper. */
public final class Responses {
    private Responses() {
    }

    public static void json(Context ctx, Object body) {
        // the introspection answer, the hottest of all, is written without databinding (oauth.IntrospectionJson)
        byte[] bytes = body instanceof WrittenByHand answer ? answer.jsonBytes() : Json.bytes(body);
        ctx.contentType("application/json").result(bytes);
    }

    /** An identifier from the request, safe to repeat in a detail: short and printable ({@link Echo}). */
    public static String printable(String value) {
        return Echo.printable(value, 64);
    }

    /**
     * An answer that writes its own JSON, exactly as {@link Json#bytes} would (a test holds it to that), so the
     * mapper is skipped.
     */
    public interface WrittenByHand {
        byte[] jsonBytes();
    }
}
