package io.tokenlife.app.http.web;

import io.tokenlife.domain.port.in.Field;

/**
 * The one table from the domain's {@link Field}s to what an HTTP client sent: JSON fields, form fields and
 * path parameters. The domain names what it refuses in its own words; this is where they become ours.
 */
public final class WireNames {
    private WireNames() {
    }

    public static String of(Field field) {
        switch (field) {
            case LIFETIME:
                return "expires_in_days";
            case EXPIRES_AT:
                return "expires_at";
            case FULL_NAME:
                return "full_name";
            case SUBJECT:
                return "subject";
            case JTI:
                return "jti";
            case SCOPE:
                return "scope";
            case NAME:
                return "name";
            case CLAIM:
                return "claim";
            case EMAIL:
                return "email";
            case PASSWORD:
                return "password";
            case CUTOFF:
                return "before";
            case REASON:
                return "reason";
            case CURSOR:
                return "cursor";
            case EVENT_TYPE:
                return "type";
            case KEY_ID:
                return "kid";
            case FAMILY:
                return "family";
            default:
                throw new IllegalStateException("no wire name for " + field);
        }
    }
}
