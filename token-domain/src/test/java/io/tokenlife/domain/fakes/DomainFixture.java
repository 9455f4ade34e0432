package io.tokenlife.domain.fakes;


import io.tokenlife.domain.assembly.DomainSettings;
import io.tokenlife.domain.assembly.Ports;
import io.tokenlife.domain.assembly.UseCases;
import io.tokenlife.domain.port.out.ExternalTokenVerifier;
import io.tokenlife.domain.port.out.SsoProviders;
import io.tokenlife.domain.service.UuidJtiGenerator;
import io.tokenlife.domain.settings.TokenlifeSettings;

/** The domain wired over in-memory fakes, for tests of use cases and of apps that want no I/O. */
public final class DomainFixture {
    public final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    public final InMemoryTokenStore store = new InMemoryTokenStore();
    public final InMemoryUserDirectory users = new InMemoryUserDirectory();
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    public final PlainPasswordHasher hasher = new PlainPasswordHasher();
    public final FakeTokenCodec codec = new FakeTokenCodec();
    public final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    public final DomainSettings settings;
    public final UseCases services;

    public DomainFixture(TokenlifeSettings settings) {
        this.settings = DomainSettings.from(settings);
        this.services = UseCases.wire(ports(SsoProviders.none(), ExternalTokenVerifier.none()), this.settings);
    }

    public static DomainFixture with(String... keyValues) {
        return new DomainFixture(TestSettings.with(keyValues));
    }

    /** The fixture's fakes as ports, trusting the given SSO providers. */
    public Ports ports(SsoProviders providers, ExternalTokenVerifier externalTokens) {
        return new Ports(codec, codec, store, store, store.index(), users, hasher, new UuidJtiGenerator(),
                providers, externalTokens, events, clock).withRefreshTokens(refreshTokens);
    }

    /** The use cases over the same fakes (shared state) with other SSO providers. */
    public UseCases withSso(SsoProviders providers, ExternalTokenVerifier externalTokens) {
        return UseCases.wire(ports(providers, externalTokens), settings);
    }
}
