package io.tokenlife.domain.service;

import io.tokenlife.domain.port.out.JtiGenerator;

import java.util.UUID;

/** The default jti: a random (version 4) UUID from the JDK's cryptographically strong generator. */
public final class UuidJtiGenerator implements JtiGenerator {
    @Override
    public String newJti() {
        return UUID.randomUUID().toString();
    }
}
