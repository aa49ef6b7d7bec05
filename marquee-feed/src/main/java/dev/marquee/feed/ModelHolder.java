package dev.marquee.feed;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** The current {@link ServingModels}; serving reads it once per request, the registry watcher swaps it atomically. */
public final class ModelHolder {
    private final AtomicReference<ServingModels> current = new AtomicReference<>(ServingModels.NONE);

    public ServingModels current() {
        return current.get();
    }

    /** Installs {@code next} and returns the models it replaced (the caller closes them once in-flight requests drain). */
    public ServingModels swap(ServingModels next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }
}
