package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.ValidationResult;

/** The full validation policy (docs/explanation/token-lifecycle.md#validation), in order; the first failure decides. */
public interface ValidateTokenUseCase {
    ValidationResult validate(String token);
}
