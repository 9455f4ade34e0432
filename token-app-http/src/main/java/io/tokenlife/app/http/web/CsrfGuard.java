package io.tokenlife.app.http.web;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one CSRF guard of the service, for every request a browser may send with a cookie: the JSON API's
 * {@code jwt_token} (checked by {@link Authenticator}), its cookie-setting login, and the admin console's
 * forms. Three layers, each enough against a different attacker (docs/explanation/security-model.md):
 * <ol>
 *   <li><b>Fetch metadata and Origin</b>: a request whose {@code Sec-Fetch-Site} is anything but
 *   {@code same-origin} or {@code none} (so also {@code same-site}: a sibling subdomain is another
 *   origin), or whose {@code Origin} is not this service's, is refused before anything is read;</li>
 *   <li><b>JSON only</b>: a cookie-authenticated request to a JSON route must say {@code application/json}
 *   (or send no body at all), which no HTML form can, and which a cross-origin script can only send after a
 *   CORS preflight this service never approves;</li>
 *   <li><b>a synchronizer token</b> where forms exist (the console): HMAC-SHA256 of a fixed label keyed with
 *   the session token, so every replica checks it without shared state.</li>
 * </ol>
 * A request with a bearer token in {@code Authorization} is none of this guard's business: a browser never
 * adds that header by itself.
 */
public final class CsrfGuard {
    private static final byte[] CONSOLE_LABEL = "tokenlife console csrf v1".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final Optional<String> publicOrigin;

    /** @param publicUrl {@code PUBLIC_URL}: behind a proxy that rewrites {@code Host}, browsers send its origin */
    public CsrfGuard(Optional<URI> publicUrl) {
        this.publicOrigin = publicUrl.flatMap(u -> authority(u.toString()));
    }

    /** Whether the method changes state (everything but GET and HEAD; other methods never reach a route). */
    public static boolean changesState(Context ctx) {
        return !SAFE_METHODS.contains(ctx.method().name());
    }

    /**
     * False when the browser says the request comes from another site or origin. Browsers send {@code
     * Sec-Fetch-Site} and {@code Origin} on every cross-origin post; a client that sends neither is not a
     * browser acting for someone else, or is left to the other two layers.
     */
    public boolean fromThisOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        Optional<String> from = authority(origin);
        if (from.isEmpty()) {
            return false; // "null" (sandboxed or privacy-preserving contexts) is never ours
        }
        String host = ctx.header("Host");
        return host != null && from.get().equalsIgnoreCase(host.trim())
                || publicOrigin.map(p -> p.equalsIgnoreCase(from.get())).orElse(false);
    }

    /** Refuses a cross-site request with {@code 403 forbidden}. */
    public void requireThisOrigin(Context ctx) {
        if (!fromThisOrigin(ctx)) {
            throw ApiException.forbidden("cross-site request refused: Origin or Sec-Fetch-Site says it comes from "
                    + "another site, and it carries this service's cookie");
        }
    }

    /**
     * A cookie-authenticated request to a JSON route: {@code application/json}, or no body and no content
     * type; anything a form can send ({@code text/plain}, urlencoded, multipart) is {@code 415}.
     */
    public static void requireJsonOrNoBody(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            boolean noBody = ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null;
            if (noBody) {
                return;
            }
        } else if (type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?")) {
            return;
        }
        throw new ApiException(415, "invalid_request", "Unsupported media type", "a request authenticated by the "
                + "jwt_token cookie must send its body as application/json (or send no body)",
                java.util.Map.of("Accept-Post", "application/json"));
    }

    /** The console's synchronizer token for a session. */
    public static String consoleToken(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CONSOLE_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant-time comparison of the expected token with the one presented (null: missing). */
    public static boolean tokenMatches(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> authority(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(defaultPort ? uri.getHost() : uri.getHost() + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
