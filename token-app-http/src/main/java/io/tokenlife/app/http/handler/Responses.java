package io.tokenlife.app.http.handler;

import io.javalin.http.Context;
import io.tokenlife.app.http.dto.Introspection;
import io.tokenlife.app.http.web.Echo;
import io.tokenlife.app.http.web.Json;

/** Writing JSON answers with the one mapper. */
final class Responses {
    private Responses() {
    }

    static void json(Context ctx, Object body) {
        // the introspection answer, the hottest of all, is written without databinding (IntrospectionJson)
        byte[] bytes = body instanceof Introspection answer ? IntrospectionJson.write(answer) : Json.bytes(body);
        ctx.contentType("application/json").result(bytes);
    }

    /** An identifier from the request, safe to repeat in a detail: short and printable ({@link Echo}). */
    static String printable(String value) {
        return Echo.printable(value, 64);
    }
}
