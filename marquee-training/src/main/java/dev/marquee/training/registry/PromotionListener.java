package dev.marquee.training.registry;

/** What serving plugs into a {@link RegistryWatcher}: install a new model, hear about ones that failed. */
public interface PromotionListener {
    /**
     * Called on the watcher's thread with a newly current version whose checksums were just verified; load
     * and swap it in here. Throwing keeps the previous model serving and reports the version as failed.
     */
    void onPromoted(LoadedVersion version) throws Exception;

    /**
     * Called once per current version that could not be installed: corrupt artifacts, unreadable manifest,
     * or {@link #onPromoted} threw. The previous model keeps serving. Default: nothing beyond the log line.
     */
    default void onLoadFailed(String kind, String version, Throwable cause) {
    }
}
