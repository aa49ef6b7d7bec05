package dev.marquee.events;

/** A user's profile; the segment for new users is country × device × age band. {@code signupAt} in epoch ms. */
public record UserProfile(String userId, String ageBand, String country, String device, long signupAt) {
}
