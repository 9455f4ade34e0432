package io.tokenlife.domain.port.out;

/** Hashes passwords for storage and checks a password against a stored hash in constant time. */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
