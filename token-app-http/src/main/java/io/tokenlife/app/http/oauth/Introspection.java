package io.tokenlife.app.http.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenlife.app.http.web.Responses;

import java.util.Map;

/**
 * RFC 7662 §2.2: an active token's claims; an inactive token is exactly {@code {"active":false}}.
 * {@code aud} is a string for one audience, an array for several. Written by hand ({@link IntrospectionJson}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Introspection(boolean active, String sub, String jti, String iss, Object aud, Long exp, Long iat,
                            String scope, String tokenUse, String clientId, String tokenType)
        implements Responses.WrittenByHand {
    public static final Map<String, Boolean> INACTIVE = Map.of("active", false);

    @Override
    public byte[] jsonBytes() {
        return IntrospectionJson.write(this);
    }
}
