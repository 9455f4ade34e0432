package io.tokenlife.domain.contract;

import io.tokenlife.domain.fakes.InMemorySecurityEventLog;

import java.time.Clock;
import java.time.ZoneOffset;

/** The security event log contract on the in-memory reference fake. */
class InMemorySecurityEventLogTest extends SecurityEventLogContract {
    @Override
    protected Log freshLog(int capacity) {
        InMemorySecurityEventLog log = new InMemorySecurityEventLog(capacity, Clock.fixed(T0, ZoneOffset.UTC));
        return new Log(log, log);
    }
}
