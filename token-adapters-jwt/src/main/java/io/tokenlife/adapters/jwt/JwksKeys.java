package io.tokenlife.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.tokenlife.domain.settings.SigningAlgorithm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification keys of a {@link KeyRing} fetched from a JWKS URL. A fetch happens when the set is
 * older than its {@code Cache-Control: max-age}, or when a token names a {@code kid} the ring does not
 * hold, but never more often than once per {@code minInterval}: a flood of random kids costs at most one
 * request per interval. One caller fetches at a time; the others go on with the keys they have. A failed
 * fetch keeps the last good keys. Only public keys of the ring's (asymmetric) algorithm are taken.
 */
final class JwksKeys implements CompactJwsVerifier.UnknownKeys {
    private static final System.Logger LOG = System.getLogger(JwksKeys.class.getName());
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_CACHE = Pattern.compile("(?:^|[,\\s])(?:no-cache|no-store)(?:$|[,\\s])", Pattern.CASE_INSENSITIVE);
    static final int MAX_JWKS_BYTES = 512 * 1024;
    static final Duration MAX_TIME_TO_LIVE = Duration.ofHours(24);

    private final URI uri;
    /** The URL as logged: without user info or query, which could carry a credential. */
    private final String loggedUri;
    private final KeyRing ring;
    private final Duration minInterval;
    private final Duration defaultMaxAge;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Instant lastAttempt = Instant.MIN;
    private volatile Instant expiresAt = Instant.MIN;
    private volatile String lastKeySet = "";

    JwksKeys(URI uri, KeyRing ring, Duration minInterval, Duration defaultMaxAge, Duration timeout, Clock clock) {
        this.uri = uri;
        this.loggedUri = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        this.ring = ring;
        this.minInterval = minInterval;
        this.defaultMaxAge = defaultMaxAge;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The ring does not know {@code kid}: fetch if the rate limit allows, then look again. */
    @Override
    public Optional<RingKey> find(String kid) {
        refresh();
        return ring.byKid(kid);
    }

    /** Called before each verification: a volatile read unless the set is past its max-age. */
    void refreshIfExpired() {
        if (clock.instant().isAfter(expiresAt)) {
            refresh();
        }
    }

    /** A key set was fetched at least once (for readiness probes). */
    boolean hasKeys() {
        return !ring.verificationKeys().isEmpty();
    }

    /** Fetches now unless another caller is fetching or the last attempt is younger than the rate limit. */
    boolean refresh() {
        Instant now = clock.instant();
        if (now.isBefore(lastAttempt.plus(minInterval)) || !fetching.tryLock()) {
            return false;
        }
        try {
            if (now.isBefore(lastAttempt.plus(minInterval))) {
                return false; // another caller fetched while we waited for the lock
            }
            lastAttempt = now;
            fetch(now);
            return true;
        } finally {
            fetching.unlock();
        }
    }

    private void fetch(Instant now) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_JWKS_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP status " + response.statusCode());
                }
                if (bytes.length > MAX_JWKS_BYTES) {
                    throw new IOException("the key set is larger than " + MAX_JWKS_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            List<RingKey> keys = keysOf(JWKSet.parse(body));
            Duration ttl = timeToLive(response.headers().firstValue("Cache-Control").orElse(""));
            expiresAt = now.plus(ttl);
            String published = JwtAdapters.publicJwkSetJson(keys);
            if (!published.equals(lastKeySet)) { // an unchanged set keeps the verified-token cache
                ring.replaceAll(null, keys, Set.of());
                lastKeySet = published;
            }
        } catch (IOException | ParseException | RuntimeException e) {
            // keep the last good keys; the next attempt comes after the rate limit
            LOG.log(System.Logger.Level.WARNING, "jwks_fetch_failed url={0} reason={1}; keeping {2} known key(s)",
                    loggedUri, e.getClass().getSimpleName() + ": " + e.getMessage(), ring.verificationKeys().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keys for the ring's algorithm, with a kid and for signatures; anything else is skipped, never trusted. */
    private List<RingKey> keysOf(JWKSet set) {
        SigningAlgorithm algorithm = ring.algorithm();
        List<RingKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            boolean rightAlgorithm = jwk.getAlgorithm() == null || jwk.getAlgorithm().getName().equals(algorithm.joseName());
            boolean forSignatures = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
            if (jwk.getKeyID() == null || !rightAlgorithm || !forSignatures || jwk.isPrivate()
                    || keys.stream().anyMatch(k -> k.kid().equals(jwk.getKeyID()))) {
                continue;
            }
            try {
                keys.add(RingKey.of(jwk.getKeyID(), algorithm, jwk));
            } catch (IllegalArgumentException | ClassCastException unfit) {
                LOG.log(System.Logger.Level.DEBUG, "jwks_key_skipped kid={0} ({1})", jwk.getKeyID(), unfit.getMessage());
            }
        }
        return keys;
    }

    /** {@code max-age} (at least the rate limit, at most a day); the default when absent or no-cache. */
    Duration timeToLive(String cacheControl) {
        Duration ttl = defaultMaxAge;
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        if (NO_CACHE.matcher(cacheControl).find()) {
            ttl = Duration.ZERO;
        } else if (maxAge.find()) {
            ttl = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
        }
        if (ttl.compareTo(minInterval) < 0) {
            ttl = minInterval;
        }
        return ttl.compareTo(MAX_TIME_TO_LIVE) > 0 ? MAX_TIME_TO_LIVE : ttl;
    }
}
