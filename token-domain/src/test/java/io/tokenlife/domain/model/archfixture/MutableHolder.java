package io.tokenlife.domain.model.archfixture;

/** Breaks "domain model classes are records": a mutable class among the model values (test fixture only). */
public final class MutableHolder {
    private String value;

    public String value() {
        return value;
    }

    public void change(String newValue) {
        value = newValue;
    }
}
