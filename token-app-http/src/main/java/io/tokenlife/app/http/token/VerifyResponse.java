package io.tokenlife.app.http.token;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The full validation policy's verdict for an operator ({@code POST /tokens/verify}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResponse(boolean valid, String code, String detail, Map<String, Object> claims,
                             List<String> warnings) {
    public VerifyResponse {
        warnings = List.copyOf(warnings);
    }
}
