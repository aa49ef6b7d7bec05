package dev.marquee.features;

import dev.marquee.events.Click;
import dev.marquee.events.Impression;
import dev.marquee.events.Interaction;
import dev.marquee.events.Share;
import dev.marquee.events.View;

/** The kind of a user's interaction in {@link InteractionHistory}; a view is split at 30 s of watch time. */
public enum InteractionType {
    IMPRESSION, CLICK, SHORT_VIEW, LONG_VIEW, SHARE;

    private static final InteractionType[] VALUES = values();

    static InteractionType of(Interaction interaction) {
        return switch (interaction) {
            case Impression i -> IMPRESSION;
            case Click c -> CLICK;
            case View v -> v.isLongView() ? LONG_VIEW : SHORT_VIEW;
            case Share s -> SHARE;
        };
    }

    static InteractionType ofCode(int code) {
        if (code < 0 || code >= VALUES.length) {
            throw new IllegalArgumentException("unknown interaction type code " + code);
        }
        return VALUES[code];
    }
}
