/**
 * Shared machinery of Marquee's neural models: the PyTorch runtime set-up (threads, seed), named
 * parameter sets with a DJL params file, Adam steps, training progress reporting, and the plain-Java
 * forward pass ({@link dev.marquee.models.DenseMlp} over {@link dev.marquee.models.MatMulKernel}) that
 * serves trained weights without touching the neural-net library. This module is the only one that
 * imports DJL: public types meant for other modules take and return primitive arrays and records;
 * the few public classes whose signatures mention DJL types ({@link dev.marquee.models.ParameterSet},
 * {@link dev.marquee.models.AdamStepper}) are internal to this module's sub-packages.
 */
package dev.marquee.models;
