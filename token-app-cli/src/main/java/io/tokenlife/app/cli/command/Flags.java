package io.tokenlife.app.cli.command;

import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;

/**
 * The one table from the domain's {@link Field}s to what the operator typed: an option, or the label of a
 * positional parameter. The domain names what it refuses in its own words; this is where they become ours.
 */
public final class Flags {
    private Flags() {
    }

    public static String of(Field field) {
        switch (field) {
            case LIFETIME:
            case EXPIRES_AT:
                return "--exp";
            case FULL_NAME:
                return "--full-name";
            case EMAIL:
                return "EMAIL";
            case CUTOFF:
                return "--before";
            case SUBJECT:
                return "--subject";
            case JTI:
                return "--jti";
            case SCOPE:
                return "--scope";
            case NAME:
                return "--name";
            case CLAIM:
                return "--claim";
            case PASSWORD:
                return "--password";
            case REASON:
                return "--reason";
            case CURSOR:
                return "--cursor";
            case KEY_ID:
                return "KID";
            case FAMILY:
                return "FAMILY";
            default:
                throw new IllegalStateException("no flag for " + field);
        }
    }

    /** {@code <flag>: <what is wrong>}, as the operator reads it. */
    public static String describe(Invalid invalid) {
        return of(invalid.field()) + ": " + invalid.detail();
    }

    /** Bad input refused by the domain is bad usage (exit 2). */
    public static UsageException usage(Invalid invalid) {
        return new UsageException(describe(invalid));
    }
}
