/**
 * Revocation, in one place: which tokens are revoked, and why.
 *
 * <p><b>The rules.</b> A token is revoked when any {@link io.tokenlife.domain.revocation.RevocationKind}
 * says so, asked in order by {@link io.tokenlife.domain.revocation.RevocationIndex}:
 * <ol>
 *   <li>{@link io.tokenlife.domain.revocation.JtiRevocations} — its {@code jti} was revoked;</li>
 *   <li>{@link io.tokenlife.domain.revocation.SubjectCutoffs} — it was issued at or before a revoke-all of
 *       its subject;</li>
 *   <li>{@link io.tokenlife.domain.revocation.GlobalCutoff} — it was issued at or before a platform-wide
 *       revoke-all.</li>
 * </ol>
 * The cut-off rule itself ("at or before", a later cut-off wins, no {@code iat} means covered) is
 * {@link io.tokenlife.domain.revocation.Cutoffs}, used by both cut-off kinds, by the stores and by issuance.
 * Each kind's verdict is a {@link io.tokenlife.domain.revocation.RevocationState} constant it declares, with
 * the sentence validation answers ({@code token_revoked}) and the reason a registry row is given.
 *
 * <p><b>The data flow.</b> A use case writes a {@link io.tokenlife.domain.revocation.Revocation} or a
 * {@link io.tokenlife.domain.revocation.RevocationCutoff} through the {@code RevocationStore} port; once it
 * is durable, the store hands its {@link io.tokenlife.domain.revocation.RevocationChange} to
 * {@link io.tokenlife.domain.revocation.RevocationIndex#apply}, the index's single writer. The persistence
 * adapter's sync hands every change another process made (notification, catch-up, load) to the same method.
 * Validation ({@code RevocationRule}) and issuance ({@link io.tokenlife.domain.revocation.IssuanceStamp}) only read the index.
 *
 * <p><b>Adding a kind of revocation</b> (say, a revoked signing key, or a refresh-token family):
 * <ol>
 *   <li>here: a class {@code KeyRevocations implements RevocationKind} with its {@code REVOKED} state,
 *       its change record ({@code record Revoked(String kid) implements RevocationChange}) and its
 *       lock-free state, with a unit test; one entry in {@code RevocationIndex.kinds}; a field in
 *       {@link io.tokenlife.domain.revocation.RevocationQuery} if the rule needs a fact of the token it does
 *       not have yet (the {@code kid}), filled in its factories;</li>
 *   <li>the {@code RevocationStore} port: a method that makes it durable (and the in-memory fake);</li>
 *   <li>persistence: a table in a migration with a {@code seq} column taken from
 *       {@code revocation_sequence}, the write in {@code JdbiRevocationStore} ending in
 *       {@code index.apply(change)}, one query in {@code RevocationRows} (catch-up and load), one tag in
 *       {@code RevocationEvent} (the NOTIFY payload).</li>
 * </ol>
 * Validation, issuance, the sync loop and the HTTP and CLI edges need no change: a revoked token is
 * {@code token_revoked} with the kind's own detail.
 */
package io.tokenlife.domain.revocation;
