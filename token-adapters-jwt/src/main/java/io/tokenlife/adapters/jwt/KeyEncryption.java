package io.tokenlife.adapters.jwt;

import io.tokenlife.domain.settings.SigningAlgorithm;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals managed private keys for the database: AES-256-GCM (JDK {@code javax.crypto}) under a key derived
 * from {@code KEY_ENCRYPTION_SECRET} with HKDF-SHA256 (RFC 5869). The kid and algorithm are authenticated
 * data, so a sealed key copied to another row does not open. Layout: version byte {@code 1}, 12-byte
 * random nonce, ciphertext with its 16-byte tag.
 */
final class KeyEncryption {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "tokenlife/key-encryption/salt/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "tokenlife/key-encryption/aes-256-gcm/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyEncryption(byte[] secret) {
        this.key = new SecretKeySpec(hkdf(secret), "AES");
    }

    byte[] seal(String kid, SigningAlgorithm algorithm, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(kid, algorithm));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws WrongSecretException when the tag does not verify: another secret, or another key's row */
    byte[] open(String kid, SigningAlgorithm algorithm, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new WrongSecretException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad(kid, algorithm));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongSecretException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] aad(String kid, SigningAlgorithm algorithm) {
        return ("tokenlife/key/v1|" + kid + "|" + algorithm.joseName()).getBytes(StandardCharsets.UTF_8);
    }

    /** HKDF-SHA256: extract with a fixed salt, expand to 32 bytes for AES-256. */
    static byte[] hkdf(byte[] secret) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] prk = extract.doFinal(secret);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(INFO);
            expand.update((byte) 1);
            byte[] okm = expand.doFinal();
            Arrays.fill(prk, (byte) 0);
            return okm; // 32 bytes: one block of SHA-256
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The sealed key does not open with this secret. */
    static final class WrongSecretException extends RuntimeException {
        WrongSecretException() {
            super("the sealed key does not open with this key-encryption secret", null, false, false);
        }
    }
}
