package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationEventTest {
    @Test
    void eventsSurviveTheNotificationPayloadIncludingSeparatorsInTheKey() {
        RevocationEvent jti = RevocationEvent.jti(7, "odd|jti|with|bars", Long.MAX_VALUE);
        RevocationEvent subject = RevocationEvent.subjectCutoff(8, "alice@example.com", 1234);
        RevocationEvent global = RevocationEvent.globalCutoff(9, 5678);

        assertThat(RevocationEvent.decode(jti.encode())).contains(jti);
        assertThat(RevocationEvent.decode(subject.encode())).contains(subject);
        assertThat(RevocationEvent.decode(global.encode())).contains(global);
    }

    @Test
    void anUnknownPayloadIsIgnoredNotFatal() {
        assertThat(RevocationEvent.decode("42")).isEmpty();
        assertThat(RevocationEvent.decode("x|1|2|k")).isEmpty();
        assertThat(RevocationEvent.decode("j|one|2|k")).isEmpty();
        assertThat(RevocationEvent.decode(null)).isEmpty();
    }
}
