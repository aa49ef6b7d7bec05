package dev.marquee.models.ranker;

/** How the three task heads share the network below them. */
public enum RankerArchitecture {
    /** Multi-gate mixture of experts (Ma et al., KDD 2018): per-task softmax gates over shared experts. */
    MMOE,
    /** One shared MLP under three task towers (Caruana 1997). */
    SHARED_BOTTOM
}
