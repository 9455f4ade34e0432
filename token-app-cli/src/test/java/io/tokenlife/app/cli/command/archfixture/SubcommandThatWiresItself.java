package io.tokenlife.app.cli.command.archfixture;

import io.tokenlife.domain.assembly.UseCases;

/**
 * Breaks the subcommands' whitelist: a subcommand that takes the whole {@link UseCases} (test fixture only).
 * With the old {@code orShould} a class that also used the facade of that time passed unchecked.
 */
public final class SubcommandThatWiresItself {
    private final UseCases useCases;

    public SubcommandThatWiresItself(UseCases useCases) {
        this.useCases = useCases;
    }

    public UseCases useCases() {
        return useCases;
    }
}
