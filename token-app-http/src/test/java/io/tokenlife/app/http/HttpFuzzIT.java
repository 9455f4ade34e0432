package io.tokenlife.app.http;

import io.tokenlife.app.http.support.FixtureServer;
import io.tokenlife.app.http.support.Problems;
import io.tokenlife.app.http.support.RawHttp;
import io.tokenlife.domain.model.TokenUse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded, seeded fuzz of every endpoint (issue 14): a few thousand requests with random methods, path
 * parameters, query strings, credentials, content types and bodies (well-formed, mutated, hostile), most
 * through an ordinary client and some over a plain socket with what that client refuses to send (bad
 * percent-encodings, raw UTF-8 and control bytes in the target). None may be a 5xx; every error of the
 * JSON API is problem+json in UTF-8 whose {@code status} is the HTTP status. A failure prints the seed and
 * the request, so it replays with {@code -Dtokenlife.fuzz.seed=...}.
 */
class HttpFuzzIT {
    static final int REQUESTS = Integer.getInteger("tokenlife.fuzz.requests", 3000);
    static final long SEED = Long.getLong("tokenlife.fuzz.seed", 20261201L);
    static FixtureServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = FixtureServer.start();
        server.addUser(FixtureServer.ALICE, "alice-password-1234", false, true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static final String[] METHODS = {"GET", "POST", "PATCH", "DELETE", "HEAD", "PUT", "OPTIONS"};
    static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
            "*/*", "", "application/problem+json", "application/x-www-form-urlencoded; charset=utf-16"};
    static final String[] SEGMENTS = {"alice@example.com", "x", "é中", "%C3%A9%E4%B8%AD", "%2F", "%00", "%0A%0D",
            "%E2%80%A8", "a%20b", "..", "%2e%2e", "~", "null", "-1", "0", "9999999999999999999999", "%F0%9F%98%80",
            "' OR 1=1 --", "<script>", "${jndi:ldap://x}", "a".repeat(300), "b".repeat(5000)};
    static final String[] RAW_SEGMENTS = {"%zz", "%", "%C3%28", "%FF%FE", "é", "中", "\u0001", "a b", "%u0041",
            "%%", "a\tb", "%C0%AF"};
    static final String[] QUERIES = {"", "?limit=0", "?limit=1001", "?limit=-1", "?limit=abc", "?status=gone",
            "?status=active", "?source=fax", "?source=api", "?subject=alice@example.com", "?subject=%00",
            "?cursor=%FF", "?cursor=garbage", "?limit=1&cursor=eyJ4IjoxfQ", "?ended", "?q=" + "q".repeat(3000),
            "?type=token_issued", "?type=nope", "?jti=é中"};
    static final String[] STRINGS = {"", " ", "x", "é中", "\u0000", "\n\r", "\u2028", "\"", "\\", "a".repeat(201),
            "s".repeat(4001), "r".repeat(501), "e".repeat(321), "2026-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "tomorrow", "alice@example.com",
            "not an email", "a@b", "tokens:introspect", "read write", "eyJhbGciOiJub25lIn0.e30.", "x.y.z"};
    static final String[] FIELDS = {"name", "expires_in_days", "expires_at", "scope", "reason", "token", "email",
            "password", "full_name", "admin", "active", "id_token", "token_type_hint", "unknown", "é"};

    @Test
    void aFewThousandSeededRequestsNeverGiveA5xxAndEveryErrorIsAUtf8ProblemWithItsStatus() throws Exception {
        Random random = new Random(SEED);
        List<String> credentials = credentials();
        List<HttpApplication.Route> routes = new ArrayList<>(server.app.routes());
        routes.addAll(server.app.consoleRoutes());
        routes.add(new HttpApplication.Route("GET", "/no/such/route"));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();

        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HttpApplication.Route route = routes.get(random.nextInt(routes.size()));
            String method = random.nextInt(5) == 0 ? pick(random, METHODS) : route.method();
            boolean raw = random.nextInt(10) == 0;
            String path = fill(route.path(), random, raw) + (random.nextInt(4) == 0 ? pick(random, QUERIES) : "");
            String contentType = pick(random, CONTENT_TYPES);
            byte[] body = body(random);
            String credential = credentials.get(random.nextInt(credentials.size()));
            boolean cookie = credential != null && random.nextInt(4) == 0;
            String origin = random.nextInt(6) == 0 ? "https://evil.example" : null;

            int status;
            String type;
            byte[] answer;
            String described = "#" + i + " " + method + " " + path + " [" + contentType + ", " + body.length + " bytes, "
                    + (credential == null ? "anonymous" : cookie ? "cookie" : "bearer") + "]";
            try {
                if (raw) {
                    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:"
                            + server.app.port());
                    if (!contentType.isEmpty()) {
                        head.append("\r\nContent-Type: ").append(contentType);
                    }
                    if (credential != null) {
                        head.append(cookie ? "\r\nCookie: jwt_token=" : "\r\nAuthorization: Bearer ").append(credential);
                    }
                    RawHttp.Answer a = RawHttp.send(server.app.port(), head.toString(), method.equals("HEAD") ? new byte[0] : body);
                    status = a.status();
                    type = a.header("Content-Type");
                    answer = a.body();
                } else {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.client.base() + uriSafe(path)))
                            .timeout(Duration.ofSeconds(10))
                            .method(method, method.equals("HEAD") || method.equals("GET") && random.nextBoolean()
                                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    if (!contentType.isEmpty()) {
                        b.header("Content-Type", contentType);
                    }
                    if (credential != null) {
                        b.header(cookie ? "Cookie" : "Authorization", (cookie ? "jwt_token=" : "Bearer ") + credential);
                    }
                    if (origin != null) {
                        b.header("Origin", origin);
                    }
                    HttpResponse<byte[]> r;
                    try {
                        r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    } catch (java.io.IOException stale) {
                        // a pooled connection the server had closed after an earlier answer: once more, on a
                        // new connection; a request the server itself drops fails twice and is reported
                        r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                    }
                    status = r.statusCode();
                    type = r.headers().firstValue("Content-Type").orElse(null);
                    answer = r.body();
                }
            } catch (RuntimeException | java.io.IOException e) {
                failures.add(described + ": no answer: " + e);
                continue;
            }
            statuses.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add(described + " -> " + status + ": " + new String(answer, StandardCharsets.UTF_8));
            } else if (status >= 400 && !method.equals("HEAD") && !isConsolePage(path, status)) {
                String defect = Problems.defect(status, type, answer);
                if (defect != null) {
                    failures.add(described + " -> " + status + ": " + defect);
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("fuzz: seed %d, %d requests in %d ms, statuses %s%n", SEED, REQUESTS, took.toMillis(), statuses);

        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(took).as("bounded: well under a minute").isLessThan(Duration.ofSeconds(60));
    }

    /** The console answers its own errors as HTML pages; its assets, the API's login and 405s are problems. */
    static boolean isConsolePage(String path, int status) {
        return path.startsWith("/admin") && !path.startsWith("/admin/login") && !path.startsWith("/admin/assets")
                && status != 405;
    }

    static List<String> credentials() {
        List<String> list = new ArrayList<>();
        list.add(null);
        list.add(server.session(FixtureServer.ALICE));
        list.add(server.adminSession());
        list.add(server.issue(FixtureServer.ALICE, TokenUse.API, false));
        list.add(server.issue(FixtureServer.ADMIN, TokenUse.API, true));
        list.add(server.introspector("rs@example.com"));
        list.add("garbage");
        list.add("a.b.c");
        list.add("x".repeat(9000));
        list.add(server.issue("admin-claim@example.com", TokenUse.SESSION, true) + "x");
        return list;
    }

    static String fill(String template, Random random, boolean raw) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            out.append(raw && random.nextBoolean() ? pick(random, RAW_SEGMENTS) : pick(random, SEGMENTS));
            i = template.indexOf('}', open) + 1;
        }
        return out.toString();
    }

    static byte[] body(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 2 -> form(random).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + jsonValue(random, 0) + "]").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"name\":\"" + "n".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> jsonObject(random, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    static String form(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            out.append(i == 0 ? "" : "&").append(pick(random, FIELDS)).append('=')
                    .append(random.nextBoolean() ? "%zz" : java.net.URLEncoder.encode(pick(random, STRINGS),
                            StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String jsonObject(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        for (int i = random.nextInt(5); i > 0; i--) {
            out.append('"').append(pick(random, FIELDS)).append("\":").append(jsonValue(random, depth + 1));
            if (i > 1) {
                out.append(',');
            }
        }
        return out.append(random.nextInt(20) == 0 ? "" : "}").toString();
    }

    static String jsonValue(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Integer.toString(random.nextInt(800) - 10);
            case 4 -> random.nextBoolean() ? "1e400" : "-0.5";
            case 5 -> com.fasterxml.jackson.databind.node.TextNode.valueOf(pick(random, STRINGS)).toString();
            case 6 -> jsonObject(random, depth);
            default -> "[" + jsonValue(random, depth + 1) + "," + jsonValue(random, depth + 1) + "]";
        };
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Percent-encodes what an ordinary client refuses in a URI (spaces, braces, non-ASCII), keeping escapes as given. */
    static String uriSafe(String target) {
        StringBuilder out = new StringBuilder();
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "%-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
