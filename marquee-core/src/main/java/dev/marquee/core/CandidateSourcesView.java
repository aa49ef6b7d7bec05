package dev.marquee.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A live read-only {@code Map} view of a {@link Candidate}'s provenance arrays, so callers that want a map
 * (explain, the impression log) get one without the candidate paying for a {@code LinkedHashMap} up front;
 * {@code size}, {@code get} and {@code containsKey} read the arrays directly.
 */
final class CandidateSourcesView extends AbstractMap<String, Float> {
    private final Candidate candidate;

    CandidateSourcesView(Candidate candidate) {
        this.candidate = candidate;
    }

    @Override
    public int size() {
        return candidate.sourceCount();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && candidate.sourceIndex(s) >= 0;
    }

    @Override
    public Float get(Object key) {
        int i = key instanceof String s ? candidate.sourceIndex(s) : -1;
        return i < 0 ? null : candidate.sourceScoreAt(i);
    }

    @Override
    public Set<Entry<String, Float>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return candidate.sourceCount();
            }

            @Override
            public Iterator<Entry<String, Float>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < candidate.sourceCount();
                    }

                    @Override
                    public Entry<String, Float> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(candidate.sourceNameAt(i), candidate.sourceScoreAt(i));
                    }
                };
            }
        };
    }
}
