package dev.marquee.events;

/** A user acting on a video: the four signals the ranker learns from. */
public sealed interface Interaction extends Event permits Impression, Click, View, Share {
    String userId();

    String videoId();

    /** Feed request that showed the video, or null for organic plays. */
    String requestId();
}
