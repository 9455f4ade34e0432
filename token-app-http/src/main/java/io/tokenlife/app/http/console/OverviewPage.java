package io.tokenlife.app.http.console;

import io.tokenlife.app.http.console.view.Views;
import io.tokenlife.app.http.ops.ReadinessCheck;
import io.tokenlife.domain.model.TokenCounts;
import io.tokenlife.domain.policy.ConfigurationFinding;
import io.tokenlife.domain.port.in.CountTokensUseCase;
import io.tokenlife.domain.port.out.StoreUnavailableException;

import java.util.List;

/** {@code GET /admin}: live tokens, recent revocations, the startup review and this replica's state. */
final class OverviewPage {
    private final CountTokensUseCase counts;
    private final List<ConfigurationFinding> findings;
    private final ReadinessCheck readiness;

    OverviewPage(CountTokensUseCase counts, List<ConfigurationFinding> findings, ReadinessCheck readiness) {
        this.counts = counts;
        this.findings = List.copyOf(findings);
        this.readiness = readiness;
    }

    void show(ConsoleRequest request) {
        ReadinessCheck.Readiness state = readiness.check();
        TokenCounts now;
        try {
            now = counts.counts();
        } catch (StoreUnavailableException e) {
            now = null;
        }
        boolean down = now == null || !state.databaseReachable();
        request.render(200, "overview", request.pages().layout("Overview", "overview", request.session(), null, down),
                new Views.OverviewPage(now, findings, state.databaseReachable() && now != null,
                        state.revocationsInSync()));
    }
}
