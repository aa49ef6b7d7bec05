/**
 * The model registry: every trained model is an immutable, checksummed version directory
 * ({@code <root>/<kind>/<version>/} with its artifacts and a {@code manifest.json}) published by an atomic
 * rename, so a reader never sees half a version, and a small {@code current.json} pointer per kind says which
 * version serving should run. {@link dev.marquee.training.registry.PromotionGate} moves candidates to
 * promoted only when their holdout metrics hold up and their feature schema matches serving;
 * {@link dev.marquee.training.registry.RegistryWatcher} lets serving follow the pointer and refuse corrupt
 * artifacts. The layout needs nothing but POSIX rename and fsync, so the same code works on a shared
 * filesystem.
 */
package dev.marquee.training.registry;
