package io.tokenlife.domain.port.in;

import java.util.Optional;

/** Refresh-token families for their owners and admins: look one up, end one. */
public interface ManageFamiliesUseCase {
    Optional<FamilyView> find(FindFamilyQuery query);

    RevokeFamilyResult revoke(RevokeFamilyCommand command);
}
