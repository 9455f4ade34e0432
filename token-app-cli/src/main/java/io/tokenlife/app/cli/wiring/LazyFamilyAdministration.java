package io.tokenlife.app.cli.wiring;

import io.tokenlife.domain.port.in.FamilyView;
import io.tokenlife.domain.port.in.FindFamilyQuery;
import io.tokenlife.domain.port.in.ManageFamiliesUseCase;
import io.tokenlife.domain.port.in.RevokeFamilyCommand;
import io.tokenlife.domain.port.in.RevokeFamilyResult;

import java.util.Optional;
import java.util.function.Supplier;

/** Refresh-token families over the database, opened only when a subcommand first asks. */
final class LazyFamilyAdministration implements ManageFamiliesUseCase {
    private final Supplier<ManageFamiliesUseCase> families;

    LazyFamilyAdministration(Supplier<ManageFamiliesUseCase> families) {
        this.families = families;
    }

    @Override
    public Optional<FamilyView> find(FindFamilyQuery query) {
        return families.get().find(query);
    }

    @Override
    public RevokeFamilyResult revoke(RevokeFamilyCommand command) {
        return families.get().revoke(command);
    }
}
