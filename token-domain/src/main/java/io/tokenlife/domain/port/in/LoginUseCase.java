package io.tokenlife.domain.port.in;

/** Password login for users in the directory and for the configured platform admin (bootstrap). */
public interface LoginUseCase {
    LoginResult login(LoginCommand command);
}
