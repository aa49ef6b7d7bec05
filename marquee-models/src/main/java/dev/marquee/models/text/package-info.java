/**
 * Text vectors for video titles and tags: all-MiniLM-L6-v2 (quantized ONNX, run in-process by
 * langchain4j on ONNX Runtime), 384-d and L2-normalised, with an LRU cache so a video's text is encoded
 * once. These vectors feed the two-tower item tower's content path (cold start).
 */
package dev.marquee.models.text;
