package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.KeyChangeResult;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;

import java.util.List;
import java.util.Optional;

/** {@code KEY_MANAGEMENT=static}: the keys come from the configuration, so there is nothing to list or change. */
public final class StaticKeysService implements ManageSigningKeysUseCase, RunKeyScheduleUseCase {
    @Override
    public ListKeysResult list(Actor actor) {
        return TokenAccessPolicy.mayManageKeys(actor) ? new Keys(List.of(), false) : new KeyChangeResult.NotAllowed();
    }

    @Override
    public KeyChangeResult rotate(Actor actor, boolean now) {
        return refuse(actor);
    }

    @Override
    public KeyChangeResult retire(Actor actor, String kid) {
        return refuse(actor);
    }

    @Override
    public KeyChangeResult revoke(Actor actor, String kid, String reason) {
        return refuse(actor);
    }

    @Override
    public KeyChangeResult importStatic(Actor actor) {
        return refuse(actor);
    }

    @Override
    public Report run() {
        return new Report(List.of(), Optional.empty());
    }

    @Override
    public Report reload() {
        return run();
    }

    private static KeyChangeResult refuse(Actor actor) {
        return TokenAccessPolicy.mayManageKeys(actor) ? new KeyChangeResult.NotManaged() : new KeyChangeResult.NotAllowed();
    }
}
