package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.app.http.web.WireNames;
import io.tokenlife.domain.port.in.Invalid;

import java.util.Set;

/**
 * Puts a refusal of the domain beside the form field it names. The console's form fields carry the same
 * names as the JSON API's ({@link WireNames}); a field the form does not have goes to {@code fallback}.
 */
final class FieldErrors {
    private FieldErrors() {
    }

    static Views.Form attach(Views.Form form, Invalid invalid, Set<String> fields, String fallback) {
        String field = WireNames.of(invalid.field());
        return form.withError(fields.contains(field) ? field : fallback, capitalized(invalid.detail()));
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
