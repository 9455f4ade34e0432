package io.tokenlife.domain.service;

import io.tokenlife.domain.model.Actor;
import io.tokenlife.domain.model.KeyState;
import io.tokenlife.domain.model.KeyUsage;
import io.tokenlife.domain.model.Limits;
import io.tokenlife.domain.model.SecurityEvent;
import io.tokenlife.domain.model.SecurityEventType;
import io.tokenlife.domain.model.SigningKeyInfo;
import io.tokenlife.domain.model.StoredSigningKey;
import io.tokenlife.domain.policy.KeySchedule;
import io.tokenlife.domain.policy.TokenAccessPolicy;
import io.tokenlife.domain.port.in.Field;
import io.tokenlife.domain.port.in.Invalid;
import io.tokenlife.domain.port.in.KeyChangeResult;
import io.tokenlife.domain.port.in.ManageSigningKeysUseCase;
import io.tokenlife.domain.port.in.RunKeyScheduleUseCase;
import io.tokenlife.domain.port.out.IssuedTokenStore;
import io.tokenlife.domain.port.out.SecurityEvents;
import io.tokenlife.domain.port.out.SigningKeyMaterials;
import io.tokenlife.domain.port.out.SigningKeyRing;
import io.tokenlife.domain.port.out.SigningKeyStore;
import io.tokenlife.domain.port.out.StoreUnavailableException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managed signing keys: the schedule applied on a timer and the operators' changes, both written to the
 * shared store first and then loaded into this process's ring. Every change is a security event. Writes
 * name the version they expect, so a replica that loses a race changes nothing and reloads.
 */
public final class SigningKeyService implements ManageSigningKeysUseCase, RunKeyScheduleUseCase {
    private final SigningKeyStore store;
    private final SigningKeyMaterials materials;
    private final SigningKeyRing ring;
    private final IssuedTokenStore registry;
    private final KeySchedule schedule;
    private final SecurityEvents events;
    private final Clock clock;

    public SigningKeyService(SigningKeyStore store, SigningKeyMaterials materials, SigningKeyRing ring,
                             IssuedTokenStore registry, KeySchedule schedule, SecurityEvents events, Clock clock) {
        this.store = store;
        this.materials = materials;
        this.ring = ring;
        this.registry = registry;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Report run() {
        try {
            List<SigningKeyInfo> changed = new ArrayList<>();
            boolean ran = store.exclusively(() -> {
                Instant now = clock.instant();
                List<KeySchedule.Transition> due = schedule.due(infos(), materials.algorithm(), registry::keyUsage, now);
                changed.addAll(apply(due, now, "tokenlife"));
            });
            ring.load(store.all());
            return new Report(changed, ran ? Optional.empty()
                    : Optional.of("another replica runs the key schedule"));
        } catch (StoreUnavailableException e) {
            return Report.waiting("the database is unavailable, key rotation waits (signing and validation continue "
                    + "with the keys in memory): " + e.getMessage());
        }
    }

    @Override
    public Report reload() {
        try {
            ring.load(store.all());
            return new Report(List.of(), Optional.empty());
        } catch (StoreUnavailableException e) {
            return Report.waiting("the database is unavailable, the keys in memory are used: " + e.getMessage());
        }
    }

    @Override
    public ListKeysResult list(Actor actor) {
        if (!TokenAccessPolicy.mayManageKeys(actor)) {
            return new KeyChangeResult.NotAllowed();
        }
        Instant now = clock.instant();
        List<KeyView> views = new ArrayList<>();
        for (SigningKeyInfo key : infos()) {
            KeyUsage usage = key.state() == KeyState.REMOVED ? KeyUsage.unused(key.kid()) : registry.keyUsage(key.kid(), now);
            Optional<Instant> removable = key.state() == KeyState.RETIRED ? schedule.removalAt(key, usage) : Optional.empty();
            views.add(new KeyView(key, usage, removable));
        }
        return new Keys(views, true);
    }

    @Override
    public KeyChangeResult rotate(Actor actor, boolean immediately) {
        if (!TokenAccessPolicy.mayManageKeys(actor)) {
            return new KeyChangeResult.NotAllowed();
        }
        Instant now = clock.instant();
        List<SigningKeyInfo> keys = infos();
        Optional<SigningKeyInfo> active = newest(keys, KeyState.ACTIVE);
        Optional<SigningKeyInfo> next = newest(keys, KeyState.NEXT);
        List<KeySchedule.Transition> due = new ArrayList<>();
        if (!immediately) {
            if (next.isPresent()) {
                return new KeyChangeResult.Changed(List.of(), "key " + next.get().kid() + " is published already and "
                        + "signs from " + next.get().activatesAt() + " (keys rotate --now makes it sign at once)");
            }
            due.add(new KeySchedule.Create(KeyState.NEXT, now.plus(schedule.publishAhead())));
        } else {
            next.ifPresentOrElse(n -> due.add(new KeySchedule.Change(n, n.activated(now))),
                    () -> due.add(new KeySchedule.Create(KeyState.ACTIVE, now)));
            active.ifPresent(a -> due.add(new KeySchedule.Change(a, a.retired(now))));
        }
        List<SigningKeyInfo> changed = apply(due, now, actor.subject());
        ring.load(store.all());
        return new KeyChangeResult.Changed(changed, immediately
                ? "a new key signs from now on; validators that cached the JWKS fetch it on its unknown kid"
                : "a next key is published and signs from " + now.plus(schedule.publishAhead()));
    }

    @Override
    public KeyChangeResult retire(Actor actor, String kid) {
        if (!TokenAccessPolicy.mayManageKeys(actor)) {
            return new KeyChangeResult.NotAllowed();
        }
        List<SigningKeyInfo> keys = infos();
        Optional<SigningKeyInfo> key = keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (key.isEmpty()) {
            return new KeyChangeResult.UnknownKey(kid);
        }
        Instant now = clock.instant();
        SigningKeyInfo target = key.get();
        List<KeySchedule.Transition> due = new ArrayList<>();
        switch (target.state()) {
            case NEXT:
                due.add(new KeySchedule.Change(target, target.removed(now))); // it never signed: unpublish it
                break;
            case ACTIVE:
                Optional<SigningKeyInfo> next = newest(keys, KeyState.NEXT);
                if (next.isEmpty()) {
                    return new Invalid(Field.KEY_ID, "key " + kid + " is the only active key and no successor is "
                            + "published; publish one first ('keys rotate', or POST /keys/rotate)");
                }
                due.add(new KeySchedule.Change(next.get(), next.get().activated(now)));
                due.add(new KeySchedule.Change(target, target.retired(now)));
                break;
            case RETIRED:
                return new KeyChangeResult.Changed(List.of(), "key " + kid + " is retired already");
            default:
                return new Invalid(Field.KEY_ID, "key " + kid + " is " + target.state().wireName()
                        + " and cannot be retired");
        }
        List<SigningKeyInfo> changed = apply(due, now, actor.subject());
        ring.load(store.all());
        return new KeyChangeResult.Changed(changed, "key " + kid + " no longer signs");
    }

    @Override
    public KeyChangeResult revoke(Actor actor, String kid, String reason) {
        if (!TokenAccessPolicy.mayManageKeys(actor)) {
            return new KeyChangeResult.NotAllowed();
        }
        if (reason == null || reason.isBlank()) {
            return Invalid.blank(Field.REASON);
        }
        if (Limits.exceeds(reason, Limits.MAX_REASON)) {
            return Invalid.tooLong(Field.REASON, Limits.MAX_REASON);
        }
        List<SigningKeyInfo> keys = infos();
        Optional<SigningKeyInfo> key = keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (key.isEmpty()) {
            return new KeyChangeResult.UnknownKey(kid);
        }
        SigningKeyInfo target = key.get();
        if (target.state() == KeyState.REVOKED) {
            return new KeyChangeResult.Changed(List.of(), "key " + kid + " is revoked already");
        }
        Instant now = clock.instant();
        List<KeySchedule.Transition> due = new ArrayList<>();
        if (target.state() == KeyState.ACTIVE) {
            Optional<SigningKeyInfo> next = newest(keys, KeyState.NEXT);
            if (next.isEmpty()) {
                return new Invalid(Field.KEY_ID, "key " + kid + " is the only active key: revoking it would leave "
                        + "nothing to sign with; make a successor sign first ('keys rotate --now', or POST /keys/rotate with "
                        + "{\"now\": true}), then revoke it");
            }
            due.add(new KeySchedule.Change(next.get(), next.get().activated(now)));
        }
        due.add(new KeySchedule.Change(target, target.revoked(now, actor.subject(), reason.strip())));
        List<SigningKeyInfo> changed = apply(due, now, actor.subject());
        ring.load(store.all());
        return new KeyChangeResult.Changed(changed, "key " + kid + " and every token it signed are refused");
    }

    @Override
    public KeyChangeResult importStatic(Actor actor) {
        if (!TokenAccessPolicy.mayManageKeys(actor)) {
            return new KeyChangeResult.NotAllowed();
        }
        Optional<SigningKeyMaterials.Material> material = materials.staticKey();
        if (material.isEmpty()) {
            return new Invalid(Field.KEY_ID, "no static key is configured (JWT_SECRET_KEY, or JWT_PRIVATE_KEY_PATH and "
                    + "JWT_PUBLIC_KEY_PATH) to import");
        }
        SigningKeyMaterials.Material m = material.get();
        List<SigningKeyInfo> keys = infos();
        if (keys.stream().anyMatch(k -> k.kid().equals(m.kid()))) {
            return new KeyChangeResult.Changed(List.of(), "key " + m.kid() + " is imported already");
        }
        Instant now = clock.instant();
        // the first managed key signs at once; beside existing keys it only verifies until its tokens expire
        boolean first = newest(keys, KeyState.ACTIVE).isEmpty();
        SigningKeyInfo info = first ? SigningKeyInfo.activeNow(m.kid(), m.algorithm(), now)
                : SigningKeyInfo.activeNow(m.kid(), m.algorithm(), now).retired(now);
        store.insert(new StoredSigningKey(info, m.publicJwk(), m.sealed()));
        int attributed = store.attributeUnattributedTokens(m.kid());
        emit(info, actor.subject(), Map.of("imported_tokens", String.valueOf(attributed)));
        ring.load(store.all());
        return new KeyChangeResult.Changed(List.of(info), "the static key " + m.kid() + " is managed now ("
                + info.state().wireName() + "); " + attributed + " tokens recorded without a kid are attributed to it");
    }

    /** Applies in order; stops at the first change another replica made first (the caller reloads). */
    private List<SigningKeyInfo> apply(List<KeySchedule.Transition> due, Instant now, String by) {
        List<SigningKeyInfo> changed = new ArrayList<>();
        for (KeySchedule.Transition transition : due) {
            if (transition instanceof KeySchedule.Create create) {
                SigningKeyMaterials.Material m = materials.generate();
                SigningKeyInfo info = create.state() == KeyState.ACTIVE
                        ? SigningKeyInfo.activeNow(m.kid(), m.algorithm(), now)
                        : SigningKeyInfo.next(m.kid(), m.algorithm(), now, create.activatesAt());
                store.insert(new StoredSigningKey(info, m.publicJwk(), m.sealed()));
                changed.add(info);
                emit(info, by, Map.of());
            } else if (transition instanceof KeySchedule.Change change) {
                if (!store.update(change.after())) {
                    break;
                }
                changed.add(change.after());
                emit(change.after(), by, Map.of());
            }
        }
        return changed;
    }

    private void emit(SigningKeyInfo key, String by, Map<String, String> extra) {
        SecurityEventType type;
        String message;
        switch (key.state()) {
            case NEXT -> {
                type = SecurityEventType.KEY_PUBLISHED;
                message = "signing key published";
            }
            case ACTIVE -> {
                type = SecurityEventType.KEY_ACTIVATED;
                message = "signing key activated";
            }
            case RETIRED -> {
                type = SecurityEventType.KEY_RETIRED;
                message = "signing key retired";
            }
            case REMOVED -> {
                type = SecurityEventType.KEY_REMOVED;
                message = "signing key removed";
            }
            default -> {
                type = SecurityEventType.KEY_REVOKED;
                message = "signing key revoked";
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kid", key.kid());
        fields.put("alg", key.algorithm().joseName());
        fields.put("by", by);
        if (key.state() == KeyState.NEXT) {
            fields.put("activates_at", key.activatesAt().toString());
        }
        key.reason().ifPresent(r -> fields.put("reason", r));
        fields.putAll(extra);
        events.emit(key.state() == KeyState.REVOKED ? SecurityEvent.warn(type, message, fields)
                : SecurityEvent.info(type, message, fields));
    }

    private List<SigningKeyInfo> infos() {
        return store.all().stream().map(StoredSigningKey::info).toList();
    }

    private Optional<SigningKeyInfo> newest(List<SigningKeyInfo> keys, KeyState state) {
        return keys.stream().filter(k -> k.state() == state && k.algorithm() == materials.algorithm())
                .max(Comparator.comparing(SigningKeyInfo::activatesAt));
    }
}
