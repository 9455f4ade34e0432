package io.tokenlife.adapters.jwt;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tokenlife.domain.settings.SigningAlgorithm;

/**
 * PEM reading and writing with the JDK only: PKCS#8 ({@code PRIVATE KEY}) and X.509 SubjectPublicKeyInfo
 * ({@code PUBLIC KEY}) as {@code openssl genpkey} / {@code openssl pkey -pubout} write them, plus the legacy
 * PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY}, rewrapped as PKCS#8.
 * Errors are {@link IllegalArgumentException}s without key material.
 */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private Pem() {
    }

    static PrivateKey privateKey(String pem, SigningAlgorithm algorithm) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return generatePrivate(der, algorithm);
                case "RSA PRIVATE KEY":
                    return generatePrivate(sequence(VERSION_0, RSA_ALGORITHM_ID, tlv(0x04, der)), algorithm);
                case "EC PRIVATE KEY":
                    return generatePrivate(sec1ToPkcs8(der), algorithm);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("the private key is encrypted; provide it unencrypted (PKCS#8)");
                default:
                    break; // e.g. EC PARAMETERS before an EC PRIVATE KEY
            }
        }
        throw new IllegalArgumentException("no PEM private key found (expected BEGIN PRIVATE KEY)");
    }

    static PublicKey publicKey(String pem, SigningAlgorithm algorithm) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                try {
                    return keyFactory(algorithm).generatePublic(new X509EncodedKeySpec(decode(m.group(2))));
                } catch (InvalidKeySpecException | RuntimeException e) {
                    throw new IllegalArgumentException("the public key is not a valid " + familyName(algorithm)
                            + " SubjectPublicKeyInfo key", e);
                }
            }
            if (m.group(1).contains("PRIVATE KEY")) {
                throw new IllegalArgumentException("found a private key where a public key was expected");
            }
        }
        throw new IllegalArgumentException("no PEM public key found (expected BEGIN PUBLIC KEY)");
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    static KeyFactory keyFactory(SigningAlgorithm algorithm) {
        try {
            switch (algorithm.family()) {
                case RSA: return KeyFactory.getInstance("RSA");
                case EC: return KeyFactory.getInstance("EC");
                case OKP: return KeyFactory.getInstance("Ed25519");
                default: throw new IllegalArgumentException(algorithm.joseName() + " does not use PEM key files");
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks a key factory for " + algorithm.joseName(), e);
        }
    }

    private static PrivateKey generatePrivate(byte[] pkcs8, SigningAlgorithm algorithm) {
        try {
            return keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new IllegalArgumentException("the private key is not a valid " + familyName(algorithm) + " key", e);
        }
    }

    private static String familyName(SigningAlgorithm algorithm) {
        switch (algorithm.family()) {
            case RSA: return "RSA (" + algorithm.joseName() + ")";
            case EC: return "EC (" + algorithm.joseName() + ")";
            case OKP: return "Ed25519 (EdDSA)";
            default: return algorithm.joseName();
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid base64");
        }
    }

    /** SEC1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] curve OID, [1] public key }. */
    private static byte[] sec1ToPkcs8(byte[] sec1) {
        Der outer = Der.read(sec1, 0);
        if (outer.tag != 0x30) {
            throw new IllegalArgumentException("the EC private key is not a DER sequence");
        }
        int pos = outer.contentStart;
        byte[] curveOid = null;
        while (pos < outer.end) {
            Der element = Der.read(sec1, pos);
            if (element.tag == 0xa0) {
                Der oid = Der.read(sec1, element.contentStart);
                curveOid = java.util.Arrays.copyOfRange(sec1, element.contentStart, oid.end);
            }
            pos = element.end;
        }
        if (curveOid == null) {
            throw new IllegalArgumentException("the EC private key does not name its curve");
        }
        return sequence(VERSION_0, sequence(EC_PUBLIC_KEY_OID, curveOid), tlv(0x04, sec1));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** One DER element: tag, where its content starts and where it ends. */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int end;

        private Der(int tag, int contentStart, int end) {
            this.tag = tag;
            this.contentStart = contentStart;
            this.end = end;
        }

        static Der read(byte[] der, int pos) {
            try {
                int tag = der[pos] & 0xff;
                int first = der[pos + 1] & 0xff;
                int start = pos + 2;
                int len = first;
                if (first >= 0x80) {
                    int count = first & 0x7f;
                    if (count == 0 || count > 3) {
                        throw new IllegalArgumentException("unsupported DER length");
                    }
                    len = 0;
                    for (int i = 0; i < count; i++) {
                        len = (len << 8) | (der[start + i] & 0xff);
                    }
                    start += count;
                }
                if (start + len > der.length) {
                    throw new IllegalArgumentException("truncated DER");
                }
                return new Der(tag, start, start + len);
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("truncated DER");
            }
        }
    }
}
