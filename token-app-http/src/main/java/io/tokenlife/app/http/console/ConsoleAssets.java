package io.tokenlife.app.http.console;

import io.javalin.http.Context;
import io.tokenlife.app.http.web.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The console's static files, served from memory under names that carry their content hash (and htmx's
 * under its version), so a browser may cache them for a year: a new build gets new names.
 */
final class ConsoleAssets {
    static final String PREFIX = "/admin/assets/";
    static final String HTMX_VERSION = "2.0.8";
    private static final String HTMX_RESOURCE = "META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";

    record Asset(String name, String contentType, byte[] body) {
    }

    /** The URLs pages link to. */
    record Links(String css, String htmx) {
    }

    private final Map<String, Asset> byName;
    private final Links links;

    ConsoleAssets() {
        Asset css = hashed("console", ".css", "text/css; charset=utf-8", load("console/console.css"));
        Asset htmx = new Asset("htmx-" + HTMX_VERSION + ".min.js", "text/javascript; charset=utf-8", load(HTMX_RESOURCE));
        this.byName = Map.of(css.name(), css, htmx.name(), htmx);
        this.links = new Links(PREFIX + css.name(), PREFIX + htmx.name());
    }

    Links links() {
        return links;
    }

    /** {@code GET /admin/assets/{name}}. */
    void serve(Context ctx) {
        Asset asset = byName.get(ctx.pathParam("name"));
        if (asset == null) {
            throw ApiException.notFound("no such console asset"); // problem+json, like every error that is not a page
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.contentType()).result(asset.body());
    }

    private static Asset hashed(String base, String extension, String type, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Asset(base + "." + HexFormat.of().formatHex(digest, 0, 6) + extension, type, body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "missing console resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
