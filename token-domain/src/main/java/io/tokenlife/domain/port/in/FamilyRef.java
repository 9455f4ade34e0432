package io.tokenlife.domain.port.in;

import java.util.Objects;

/** How a request names a refresh-token family: by its id, by one of its refresh tokens' ids, or by a refresh token itself. */
public sealed interface FamilyRef {
    record ById(String familyId) implements FamilyRef {
        public ById {
            Objects.requireNonNull(familyId, "familyId");
        }
    }

    /** The id of a refresh token, as listed (never its value). */
    record ByRefreshTokenId(String refreshTokenId) implements FamilyRef {
        public ByRefreshTokenId {
            Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        }
    }

    /** A refresh token's value, as a client presents it (RFC 7009, RFC 7662). */
    record ByRefreshToken(String value) implements FamilyRef {
        public ByRefreshToken {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "ByRefreshToken[***]";
        }
    }
}
