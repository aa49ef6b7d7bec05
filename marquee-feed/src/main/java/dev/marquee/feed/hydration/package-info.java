/**
 * Hydration: loading the features the funnel's stages read, in batches, before they read them. Query
 * hydrators run once per request before any candidate source (the user's current features, and their
 * two-tower embedding computed from those features so an interaction seconds old already moves it);
 * candidate hydrators run after filtering and load every candidate's video features with one store call
 * into reusable columns, each candidate remembering its row. {@link dev.marquee.feed.hydration.UserTowerInputs}
 * turns user features into user-tower inputs, shared by serving and training so both see the same encoding.
 */
package dev.marquee.feed.hydration;
