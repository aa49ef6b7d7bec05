package dev.marquee.training.join;

import dev.marquee.events.ServedImpression;

/**
 * A served impression with its final labels. The features are the impression's logged row, untouched.
 *
 * @param impression the impression as logged at serving time
 * @param click      clicked within the click window
 * @param watch30    viewed for more than 30 s within the watch window
 * @param share      shared within the share window
 */
public record TrainingExample(ServedImpression impression, boolean click, boolean watch30, boolean share) {
    /** Whether any label is positive (impressions without engagement are the negatives). */
    public boolean engaged() {
        return click || watch30 || share;
    }
}
