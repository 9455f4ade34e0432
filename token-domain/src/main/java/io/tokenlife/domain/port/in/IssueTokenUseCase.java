package io.tokenlife.domain.port.in;

/** The one path by which every token is born, whatever its source. */
public interface IssueTokenUseCase {
    IssueTokenResult issue(IssueTokenCommand command);
}
