package io.tokenlife.app.cli.wiring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A use case whose target (and with it the database) is only built when one of its methods is first called,
 * so that a subcommand can be handed every use case it may need without opening anything it does not use.
 * One generic proxy rather than a hand-written delegate per use case: a method added to a use case needs no
 * edit here.
 */
public final class Lazy {
    private Lazy() {
    }

    /** {@code port} must be an interface; {@code target} is asked on every call (it caches, as the roots do). */
    public static <T> T of(Class<T> port, Supplier<? extends T> target) {
        Objects.requireNonNull(target, "target");
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port.getName() + " is not an interface");
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Lazy[" + port.getSimpleName() + "]";
                };
            }
            try {
                return method.invoke(target.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the use case's own exception, unwrapped (a StoreUnavailableException stays one)
            }
        }));
    }
}
