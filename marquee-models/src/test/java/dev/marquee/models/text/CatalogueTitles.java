package dev.marquee.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic video titles shaped like the catalogue's: 6–12 words and 1–4 tags, deterministic by seed. */
final class CatalogueTitles {
    private static final String[] WORDS = ("how to make the best easy homemade pizza dough in ten minutes beginner guide "
            + "advanced chess opening traps every player should know football highlights season goals saves "
            + "travel vlog three days lisbon tokyo street food tour guitar lesson chords songs workout routine "
            + "at home without equipment painting landscape watercolor tips speedrun world record reaction review "
            + "unboxing new phone camera test budget build gaming pc explained science history documentary").split(" ");
    private static final String[] TAGS = {"cooking", "chess", "football", "travel", "music", "fitness", "art",
            "gaming", "tech", "science", "history", "comedy", "vlog", "tutorial"};

    private CatalogueTitles() {
    }

    static List<VideoText> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VideoText> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder title = new StringBuilder();
            int words = 6 + random.nextInt(7);
            for (int w = 0; w < words; w++) {
                title.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            title.append(" #").append(i);
            List<String> tags = new ArrayList<>();
            int tagCount = 1 + random.nextInt(4);
            for (int t = 0; t < tagCount; t++) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            texts.add(new VideoText(title.toString(), tags));
        }
        return texts;
    }
}
