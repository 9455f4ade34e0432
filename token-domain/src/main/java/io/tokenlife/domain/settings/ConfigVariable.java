package io.tokenlife.domain.settings;

import java.util.Optional;

/**
 * Every configuration variable, its default and its meaning: the single list that the parser,
 * the documentation tests and {@code .env.example} are checked against.
 */
public enum ConfigVariable {
    ENVIRONMENT("development", "development, staging or production"),
    JWT_ALGORITHM("HS256", "HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA; the only algorithm accepted for our own tokens"),
    JWT_SECRET_KEY(null, "HMAC secret, at least 32 bytes; unset in development: a random key for this process"),
    JWT_PRIVATE_KEY_PATH(null, "PEM private key for RS*/PS*/ES*/EdDSA"),
    JWT_PUBLIC_KEY_PATH(null, "PEM public key for RS*/PS*/ES*/EdDSA"),
    JWT_ISSUER("mcpgateway", "iss stamped and checked"),
    JWT_AUDIENCE("mcpgateway-api", "aud stamped and checked"),
    JWT_ISSUER_VERIFICATION("true", "check iss (true/false)"),
    JWT_AUDIENCE_VERIFICATION("true", "check aud (true/false)"),
    JWT_LEEWAY_SECONDS("30", "clock skew allowed on exp, nbf and iat, 0 to 300"),
    TOKEN_EXPIRY("20", "minutes a session token lives, 1 to 10080"),
    API_TOKEN_MAX_EXPIRY_DAYS("365", "longest API token in days, 1 to 3650"),
    REQUIRE_TOKEN_EXPIRATION("true", "reject tokens without exp; API tokens must have an expiry"),
    REQUIRE_JTI("false", "reject tokens without jti; when false they are accepted with a warning event"),
    EMBED_ENVIRONMENT_IN_TOKENS("false", "put env=<ENVIRONMENT> in every token issued"),
    VALIDATE_TOKEN_ENVIRONMENT("false", "reject a token whose env differs from ENVIRONMENT; a token without env is accepted"),
    REQUIRE_USER_IN_DB("false", "reject tokens whose subject is not an active user; disables the platform-admin bootstrap"),
    PLATFORM_ADMIN_EMAIL("admin@example.com", "the bootstrap administrator"),
    PLATFORM_ADMIN_PASSWORD(null, "bootstrap login password; bootstrap login is off while unset"),
    DATABASE_URL("jdbc:h2:file:./data/tokenlife", "JDBC URL: embedded H2 file, jdbc:h2:mem:... (ephemeral) or jdbc:postgresql://..."),
    HOST("127.0.0.1", "HTTP bind address"),
    PORT("4444", "HTTP port, 0 to 65535 (0 picks a free port)"),
    PUBLIC_URL(null, "externally visible base URL (absolute http or https) for the RFC 8414 metadata"),
    SECURE_COOKIES("true", "mark the admin-UI cookie jwt_token Secure (HTTPS only); false for plain-HTTP development"),
    MAX_FAILED_LOGIN_ATTEMPTS("5", "failed logins of one account before it is locked, 1 to 1000"),
    ACCOUNT_LOCKOUT_DURATION_MINUTES("30", "minutes an account stays locked after too many failed logins, 1 to 1440"),
    LOGIN_RATE_LIMIT_PER_MINUTE("20", "failed logins allowed from one client address per minute, 1 to 100000"),
    SSO_PROVIDERS_FILE(null, "JSON file of trusted OIDC providers"),
    LOG_FORMAT("text", "text or json"),
    VERIFIED_TOKEN_CACHE_SIZE("100000", "verified tokens kept parsed, 0 to 10000000 (0 turns the cache off)");

    private final String defaultValue;
    private final String meaning;

    ConfigVariable(String defaultValue, String meaning) {
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String meaning() {
        return meaning;
    }
}
