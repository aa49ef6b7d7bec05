/**
 * The multi-task ranker: one network scores p(click), p(watch &gt; 30 s) and p(share) for a batch of
 * candidates, either as an MMoE (Ma et al., KDD 2018: shared experts mixed per task by softmax gates)
 * or as a shared-bottom MLP, trained with one weighted BCE loss per head. Inputs are generic: a
 * {@link dev.marquee.models.ranker.FeatureSchema} names the numeric columns and the categorical columns
 * (ids the model embeds) of one flat float row per candidate, the buffer the feature assembler fills.
 * {@link dev.marquee.models.ranker.RankerModel#predict} serves through a plain-Java forward pass equal
 * to PyTorch's within 1e-5; {@link dev.marquee.models.ranker.RankerDistiller} trains a smaller student
 * on a teacher's predictions. {@link dev.marquee.models.ranker.RankerRegularization} keeps the hashed
 * creator/video embeddings from memorising the training days (a sparse L2 by default; training-only).
 */
package dev.marquee.models.ranker;
