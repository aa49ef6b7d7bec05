package dev.marquee.training.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Promote and rollback as lock-held pointer moves. Order matters for crash safety: the target's status is
 * written first, then the pointer (the commit point), then the old version's status, so after a crash the
 * pointer is always valid and at worst a status lags behind.
 */
final class PointerMoves {
    private final VersionStore store;

    PointerMoves(VersionStore store) {
        this.store = store;
    }

    VersionManifest promote(String kind, String version, String reason) throws IOException {
        verify(kind, version);
        return KindLock.withLock(store.kindDir(kind), () -> {
            Optional<PromotionPointer> before = PointerFile.read(store.kindDir(kind));
            if (before.isPresent() && before.get().current().equals(version)) {
                return store.read(kind, version);
            }
            var after = before.map(p -> p.promote(version)).orElse(new PromotionPointer(kind, version, List.of()));
            var promoted = store.updateStatus(kind, version, ModelStatus.PROMOTED, reason);
            PointerFile.write(store.kindDir(kind), after);
            if (before.isPresent()) {
                store.updateStatus(kind, before.get().current(), ModelStatus.RETIRED, "superseded by " + version);
            }
            return promoted;
        });
    }

    VersionManifest rollback(String kind) throws IOException {
        return KindLock.withLock(store.kindDir(kind), () -> {
            PromotionPointer before = PointerFile.read(store.kindDir(kind)).orElseThrow(() ->
                    new IllegalStateException("cannot roll back " + kind + ": nothing was ever promoted"));
            String target = before.previous().orElseThrow(() -> new IllegalStateException("cannot roll back "
                    + kind + ": " + before.current() + " is the only version ever promoted"));
            verify(kind, target);
            var after = new PromotionPointer(kind, target, before.history().subList(1, before.history().size()));
            var restored = store.updateStatus(kind, target, ModelStatus.PROMOTED,
                    "restored by rollback from " + before.current());
            PointerFile.write(store.kindDir(kind), after);
            store.updateStatus(kind, before.current(), ModelStatus.REJECTED, "rolled back to " + target);
            return restored;
        });
    }

    private void verify(String kind, String version) throws IOException {
        ArtifactFiles.verify(store.read(kind, version), store.versionDir(kind, version));
    }
}
