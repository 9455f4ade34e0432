package io.tokenlife.domain.policy.validation;

import io.tokenlife.domain.fakes.InMemoryUserDirectory;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.User;
import io.tokenlife.domain.model.ValidationCode;
import io.tokenlife.domain.port.out.UserDirectory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.tokenlife.domain.policy.validation.Claims.NOW;
import static io.tokenlife.domain.policy.validation.Claims.code;
import static io.tokenlife.domain.policy.validation.Claims.good;
import static org.assertj.core.api.Assertions.assertThat;

class UserRuleTest {
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();

    @Test
    void aDisabledUserIsRefusedAlwaysAndAnUnknownOneOnlyWhenRequired() {
        users.create(new User("alice@example.com", "Alice", null, false, false, NOW, NOW));

        RuleVerdict disabled = new UserRule(users, false, "root@example.com", false).check(good().build(), NOW);
        assertThat(code(disabled)).isEqualTo(ValidationCode.USER_DISABLED);
        assertThat(disabled.event().orElseThrow().type()).isEqualTo(SecurityEventType.USER_NOT_FOUND_REJECTED);
        assertThat(new UserRule(users, false, "root@example.com", false).check(good().subject("bob@example.com").build(), NOW))
                .isSameAs(RuleVerdict.ALLOW);
        assertThat(code(new UserRule(users, true, "root@example.com", false).check(good().subject("bob@example.com").build(), NOW)))
                .isEqualTo(ValidationCode.USER_NOT_FOUND);
    }

    @Test
    void theBootstrapAdminWithoutAUserRowIsThePlatformAdminWithItsEvent() {
        RuleVerdict verdict = new UserRule(users, true, "root@example.com", true).check(good().subject("Root@Example.com").build(), NOW);

        assertThat(verdict).isInstanceOf(RuleVerdict.PlatformAdmin.class);
        SecurityEvent event = verdict.event().orElseThrow().describe(good().subject("Root@Example.com").build(), "");
        assertThat(event.type()).isEqualTo(SecurityEventType.PLATFORM_ADMIN_AUTH);
        assertThat(event.level()).isEqualTo(SecurityEvent.Level.INFO);
        assertThat(event.fields()).containsOnlyKeys("user_id", "jti");
    }

    @Test
    void usersAreLookedUpInMemoryOnlyNeverThroughTheReadingPath() {
        UserDirectory memoryOnly = new UserDirectory() {
            @Override
            public Optional<User> find(String email) {
                throw new AssertionError("validation must not read through to the database");
            }

            @Override
            public Optional<User> findInMemory(String email) {
                return Optional.empty();
            }
        };

        assertThat(new UserRule(memoryOnly, false, "root@example.com", false).check(good().build(), NOW)).isSameAs(RuleVerdict.ALLOW);
    }
}
