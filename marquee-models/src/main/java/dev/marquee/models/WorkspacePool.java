package dev.marquee.models;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lends {@link MlpWorkspace}s to concurrent callers (platform or virtual threads) so a model's
 * predict methods stay thread-safe without allocating per call: take, use, give back.
 */
public final class WorkspacePool {
    private final ConcurrentLinkedQueue<MlpWorkspace> idle = new ConcurrentLinkedQueue<>();

    public MlpWorkspace take() {
        MlpWorkspace w = idle.poll();
        return w != null ? w : new MlpWorkspace();
    }

    public void giveBack(MlpWorkspace workspace) {
        idle.offer(workspace);
    }
}
