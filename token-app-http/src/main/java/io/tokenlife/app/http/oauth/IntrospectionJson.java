package io.tokenlife.app.http.oauth;


import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an {@link Introspection} as the one mapper would ({@code Json.bytes}: the record's field order,
 * snake_case names, absent fields left out), by hand: databinding the record was the largest part of an
 * introspection's own work after the two validations (bench/README.md, "Results of 2026-12-01, afternoon").
 * {@code IntrospectionJsonTest} holds it to the mapper's output byte for byte.
 */
final class IntrospectionJson {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private IntrospectionJson() {
    }

    static byte[] write(Introspection in) {
        Out out = new Out();
        out.raw(in.active() ? "{\"active\":true" : "{\"active\":false");
        out.field("sub", in.sub());
        out.field("jti", in.jti());
        out.field("iss", in.iss());
        out.audience(in.aud());
        out.number("exp", in.exp());
        out.number("iat", in.iat());
        out.field("scope", in.scope());
        out.field("token_use", in.tokenUse());
        out.field("client_id", in.clientId());
        out.field("token_type", in.tokenType());
        out.raw("}");
        return out.toByteArray();
    }

    /** A growable byte array; not {@code ByteArrayOutputStream}, whose every write takes its lock. */
    private static final class Out {
        private byte[] buf = new byte[384];
        private int count;

        void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        void writeBytes(byte[] bytes) {
            for (byte b : bytes) {
                write(b);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void raw(String ascii) {
            for (int i = 0; i < ascii.length(); i++) {
                write(ascii.charAt(i));
            }
        }

        void name(String name) {
            raw(",\"");
            raw(name);
            raw("\":");
        }

        void field(String name, String value) {
            if (value != null) {
                name(name);
                string(value);
            }
        }

        void number(String name, Long value) {
            if (value != null) {
                name(name);
                raw(Long.toString(value));
            }
        }

        void audience(Object aud) {
            if (aud == null) {
                return;
            }
            name("aud");
            if (aud instanceof List<?> list) {
                write('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        write(',');
                    }
                    string(String.valueOf(list.get(i)));
                }
                write(']');
            } else {
                string(aud.toString());
            }
        }

        /** A JSON string: quote, backslash and control characters escaped as Jackson does, the rest UTF-8. */
        void string(String s) {
            write('"');
            int plainFrom = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                    continue;
                }
                utf8(s, plainFrom, i);
                plainFrom = i + 1;
                write('\\');
                switch (c) {
                    case '"', '\\' -> write(c);
                    case '\n' -> write('n');
                    case '\r' -> write('r');
                    case '\t' -> write('t');
                    case '\b' -> write('b');
                    case '\f' -> write('f');
                    default -> { // other control characters, and the halves of a surrogate pair (as Jackson does)
                        write('u');
                        write(HEX[c >> 12]);
                        write(HEX[(c >> 8) & 0xF]);
                        write(HEX[(c >> 4) & 0xF]);
                        write(HEX[c & 0xF]);
                    }
                }
            }
            utf8(s, plainFrom, s.length());
            write('"');
        }

        private void utf8(String s, int from, int to) {
            if (from >= to) {
                return;
            }
            boolean ascii = true;
            for (int i = from; i < to && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (ascii) {
                for (int i = from; i < to; i++) {
                    write(s.charAt(i));
                }
            } else {
                writeBytes(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
