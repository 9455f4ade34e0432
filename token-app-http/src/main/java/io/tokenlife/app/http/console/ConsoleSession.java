package io.tokenlife.app.http.console;

import io.javalin.http.Context;
import io.tokenlife.domain.model.Caller;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's session: an {@code admin_ui} session token in a cookie of its own (HttpOnly,
 * SameSite=Strict, Secure and {@code __Host-} outside development), validated by the domain on every
 * request, so a revoked or expired session ends at once. The JSON API never reads this cookie.
 *
 * <p>CSRF: every state-changing form carries a synchronizer token bound to the session. It is the
 * HMAC-SHA256 of a fixed label keyed with the session token itself, so every replica can check it without
 * shared state, and knowing it reveals nothing about the session. Requests whose {@code Sec-Fetch-Site}
 * or {@code Origin} say they come from elsewhere are refused before the token is even looked at.
 */
final class ConsoleSession {
    static final String DEV_COOKIE = "tokenlife_console";
    static final String SECURE_COOKIE = "__Host-tokenlife_console";
    private static final byte[] CSRF_LABEL = "tokenlife console csrf v1".getBytes(StandardCharsets.US_ASCII);

    /** What the cookie of a request amounts to. */
    sealed interface State {
    }

    record SignedIn(Caller caller, String token, String csrf) implements State {
    }

    /** No session cookie: never signed in, or signed out. */
    record Missing() implements State {
    }

    /** A cookie whose token is no longer valid (expired, revoked, disabled user, ...). */
    record Ended() implements State {
    }

    /** A valid session of a user without admin rights. */
    record NotAdmin(Caller caller) implements State {
    }

    private final ValidateTokenUseCase validate;
    private final boolean secure;

    ConsoleSession(ValidateTokenUseCase validate, boolean secure) {
        this.validate = validate;
        this.secure = secure;
    }

    String cookieName() {
        return secure ? SECURE_COOKIE : DEV_COOKIE;
    }

    State of(Context ctx) {
        String token = ctx.cookie(cookieName());
        if (token == null || token.isBlank()) {
            return new Missing();
        }
        ValidationResult result = validate.validate(token);
        if (!(result instanceof ValidationResult.Valid valid)) {
            return new Ended();
        }
        Caller caller = Caller.of(valid);
        if (!caller.admin() || !caller.canManageTokens()) {
            return new NotAdmin(caller);
        }
        return new SignedIn(caller, token, csrfToken(token));
    }

    String cookie(String token, long maxAgeSeconds) {
        return cookieName() + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    String clearedCookie() {
        return cookie("", 0);
    }

    static String csrfToken(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static boolean csrfMatches(SignedIn session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * False when the browser says the request comes from another site or origin. Browsers send
     * {@code Sec-Fetch-Site} and {@code Origin} on form posts; a client that sends neither is left to the
     * synchronizer token.
     */
    static boolean fromThisOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && authority(origin).map(a -> a.equalsIgnoreCase(host.trim())).orElse(false);
    }

    private static Optional<String> authority(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null) {
                return Optional.empty(); // "null" (sandboxed or privacy-preserving contexts) is never ours
            }
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return Optional.of(defaultPort ? uri.getHost() : uri.getHost() + ":" + port);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
