package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.port.in.KeyChangeResult;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;

import java.util.function.Supplier;

/** The signing-key use cases, whose database is opened when a method is first called. */
public final class LazySigningKeys implements ManageSigningKeysUseCase {
    private final Supplier<ManageSigningKeysUseCase> keys;

    public LazySigningKeys(Supplier<ManageSigningKeysUseCase> keys) {
        this.keys = keys;
    }

    @Override
    public ListKeysResult list(Actor actor) {
        return keys.get().list(actor);
    }

    @Override
    public KeyChangeResult rotate(Actor actor, boolean now) {
        return keys.get().rotate(actor, now);
    }

    @Override
    public KeyChangeResult retire(Actor actor, String kid) {
        return keys.get().retire(actor, kid);
    }

    @Override
    public KeyChangeResult revoke(Actor actor, String kid, String reason) {
        return keys.get().revoke(actor, kid, reason);
    }

    @Override
    public KeyChangeResult importStatic(Actor actor) {
        return keys.get().importStatic(actor);
    }
}
