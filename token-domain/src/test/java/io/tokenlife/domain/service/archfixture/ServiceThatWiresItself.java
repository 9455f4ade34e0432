package io.tokenlife.domain.service.archfixture;

import io.tokenlife.domain.assembly.UseCases;

/** Breaks "services use only ports, policies, model and settings": a service that reaches the assembly. */
public final class ServiceThatWiresItself {
    private final UseCases useCases;

    public ServiceThatWiresItself(UseCases useCases) {
        this.useCases = useCases;
    }

    public UseCases useCases() {
        return useCases;
    }
}
