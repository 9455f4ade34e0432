package io.tokenlife.app.cli.port;

import io.tokenlife.domain.port.in.IssueTokenUseCase;

/** Issuing without the database ({@code --no-db}): the token is signed but recorded nowhere. */
@FunctionalInterface
public interface OfflineIssuing extends IssueTokenUseCase {
}
