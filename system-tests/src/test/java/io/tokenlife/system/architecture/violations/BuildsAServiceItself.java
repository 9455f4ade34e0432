package io.tokenlife.system.architecture.violations;

import io.tokenlife.domain.port.in.RevokeAllTokensUseCase;
import io.tokenlife.domain.port.out.RevocationStore;
import io.tokenlife.domain.service.RevokeAllTokensService;

import java.time.Clock;

/** Breaks "only the assembly constructs services": a root that wires a use case by hand. */
public final class BuildsAServiceItself {
    private BuildsAServiceItself() {
    }

    public static RevokeAllTokensUseCase revokeAll(RevocationStore store, Clock clock) {
        return new RevokeAllTokensService(store, event -> { }, clock);
    }
}
