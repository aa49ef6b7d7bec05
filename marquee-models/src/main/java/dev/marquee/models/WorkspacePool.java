package dev.marquee.models;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Lends {@link MlpWorkspace}s to concurrent callers (platform or virtual threads) so a model's
 * predict methods stay thread-safe without allocating per call: take, use, give back. A fixed ring of
 * slots claimed by compare-and-set (no queue nodes, so a warm take/give-back pair allocates nothing);
 * past {@value #SLOTS} concurrent callers the extra workspaces are made and dropped.
 */
public final class WorkspacePool {
    private static final int SLOTS = 32;
    private final AtomicReferenceArray<MlpWorkspace> idle = new AtomicReferenceArray<>(SLOTS);

    public MlpWorkspace take() {
        int start = (int) (Thread.currentThread().threadId() & (SLOTS - 1));
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            MlpWorkspace w = idle.get(slot);
            if (w != null && idle.compareAndSet(slot, w, null)) {
                return w;
            }
        }
        return new MlpWorkspace();
    }

    public void giveBack(MlpWorkspace workspace) {
        int start = (int) (Thread.currentThread().threadId() & (SLOTS - 1));
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (idle.get(slot) == null && idle.compareAndSet(slot, null, workspace)) {
                return;
            }
        }
    }
}
