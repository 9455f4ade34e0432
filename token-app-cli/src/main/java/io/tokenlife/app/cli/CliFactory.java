package io.tokenlife.app.cli;

import io.tokenlife.app.cli.port.CliContext;
import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Builds each subcommand with exactly the parts its public constructor declares (a use case, the key
 * tool, the operator, ...), taken from the {@link CliContext} by type; classes without such a
 * constructor are left to picocli.
 */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CliFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
            return fallback.create(type);
        }
        Class<?>[] wanted = constructors[0].getParameterTypes();
        Object[] parts = new Object[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            parts[i] = part(type, wanted[i]);
        }
        return type.cast(constructors[0].newInstance(parts));
    }

    private Object part(Class<?> command, Class<?> wanted) throws ReflectiveOperationException {
        for (RecordComponent component : CliContext.class.getRecordComponents()) {
            if (component.getType() == wanted) {
                return component.getAccessor().invoke(context);
            }
        }
        throw new IllegalStateException(command.getSimpleName() + " asks for a " + wanted.getSimpleName()
                + ", which the CLI context does not provide");
    }
}
