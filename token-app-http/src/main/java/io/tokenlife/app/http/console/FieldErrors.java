package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;

import java.util.Set;

/**
 * Puts a refusal of the domain beside the field it names. The domain names the field at the start of its
 * message ({@code "password: at least 10 characters"}); anything else goes to {@code fallback}.
 */
final class FieldErrors {
    private FieldErrors() {
    }

    static Views.Form attach(Views.Form form, String message, Set<String> fields, String fallback) {
        int colon = message.indexOf(':');
        if (colon > 0) {
            String field = message.substring(0, colon).strip();
            if (fields.contains(field)) {
                return form.withError(field, capitalized(message.substring(colon + 1).strip()));
            }
        }
        return form.withError(fallback, capitalized(message));
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
