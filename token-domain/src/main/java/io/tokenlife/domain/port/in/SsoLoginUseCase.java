package io.tokenlife.domain.port.in;

/** Exchanges a trusted provider's ID token for a platform session token (source {@code sso}). */
public interface SsoLoginUseCase {
    SsoLoginResult login(SsoLoginCommand command);
}
