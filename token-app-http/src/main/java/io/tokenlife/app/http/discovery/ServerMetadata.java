package io.tokenlife.app.http.discovery;

import java.util.List;

/**
 * RFC 8414 authorization server metadata, as far as tokenlife is one: it has no authorization or
 * OAuth token endpoint (tokens come from {@code POST /tokens} and the login paths), so
 * {@code response_types_supported} is empty. Revocation and introspection expect a tokenlife bearer
 * token; {@code bearer} is not an IANA-registered client authentication method and says exactly that.
 */
public record ServerMetadata(String issuer, String jwksUri, String revocationEndpoint,
                             List<String> revocationEndpointAuthMethodsSupported, String introspectionEndpoint,
                             List<String> introspectionEndpointAuthMethodsSupported,
                             List<String> responseTypesSupported, String serviceDocumentation) {
}
