package io.tokenlife.app.http.token;

import io.javalin.http.Context;
import io.tokenlife.app.http.web.RequestBody;
import io.tokenlife.app.http.web.Responses;
import io.tokenlife.domain.model.ClaimsJson;
import io.tokenlife.domain.model.ValidationResult;
import io.tokenlife.domain.model.ValidationWarning;
import io.tokenlife.domain.port.in.ValidateTokenUseCase;

import java.util.List;
import java.util.Set;

/** {@code POST /tokens/verify}: the full validation policy for operators (admin). */
final class VerifyHandler {
    private final ValidateTokenUseCase validate;

    VerifyHandler(ValidateTokenUseCase validate) {
        this.validate = validate;
    }

    void verify(Context ctx) {
        String token = RequestBody.json(ctx, false, Set.of("token")).requiredString("token").trim();
        ValidationResult result = validate.validate(token);
        ctx.header("Cache-Control", "no-store");
        if (result instanceof ValidationResult.Rejected rejected) {
            Responses.json(ctx, new VerifyResponse(false, rejected.code().wireName(), rejected.detail(), null, List.of()));
            return;
        }
        ValidationResult.Valid valid = (ValidationResult.Valid) result;
        // the claims as they are in the token: times in seconds since the epoch
        Responses.json(ctx, new VerifyResponse(true, null, null, ClaimsJson.of(valid.claims()),
                valid.warnings().stream().map(ValidationWarning::wireName).toList()));
    }
}
