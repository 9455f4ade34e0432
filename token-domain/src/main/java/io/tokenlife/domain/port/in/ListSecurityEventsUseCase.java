package io.tokenlife.domain.port.in;

import io.tokenlife.domain.model.SecurityEventQuery;

/** The recent security events, newest first, filtered by type and subject (for operators). */
public interface ListSecurityEventsUseCase {
    ListSecurityEventsResult list(SecurityEventQuery query);
}
