package io.tokenlife.domain.fakes;

import io.tokenlife.domain.service.TokenServices;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;

/** The domain wired over in-memory fakes, for tests of use cases and of apps that want no I/O. */
public final class DomainFixture {
    public final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    public final InMemoryTokenStore store = new InMemoryTokenStore();
    public final InMemoryUserDirectory users = new InMemoryUserDirectory();
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    public final FakeTokenCodec codec = new FakeTokenCodec();
    public final TokenServices services;

    public DomainFixture(TokenlifeSettings settings) {
        this.services = new TokenServices(settings, new TokenServices.Ports(codec, codec, store, store, store, users,
                new PlainPasswordHasher(), new UuidJtiGenerator(), events, clock));
    }

    public static DomainFixture with(String... keyValues) {
        return new DomainFixture(TestSettings.with(keyValues));
    }
}
