package io.tokenlife.app.cli;

import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Hands every command that asks for one (a constructor taking {@link CliContext}) the context. */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
