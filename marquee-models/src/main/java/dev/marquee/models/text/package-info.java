/**
 * Text vectors for video titles and tags: all-MiniLM-L6-v2 (ONNX, run in-process on ONNX Runtime,
 * model and tokenizer from langchain4j jars), 384-d and L2-normalised, with an LRU cache so a video's
 * text is encoded once. Misses are encoded as length-sorted padded batches spread over the caller and
 * an executor; the fp32 export is the default because the quantized one's per-tensor activation scale
 * makes a text's vector depend on its batch-mates. These vectors feed the two-tower item tower's
 * content path (cold start).
 */
package dev.marquee.models.text;
