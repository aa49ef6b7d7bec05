package dev.marquee.ann;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reference count guarding a resource that in-flight searches may still use after its owner closed
 * it (the old graph after a swap): {@link #close()} drops the owner's reference and the release
 * action runs when the last search lets go. Lock-free: one CAS per acquire and per release.
 */
final class RefCountedResource implements AutoCloseable {

  private final AtomicInteger references = new AtomicInteger(1);
  private final Runnable releaseAction;
  private boolean closed;

  RefCountedResource(Runnable releaseAction) {
    this.releaseAction = releaseAction;
  }

  /** Takes a reference; false once the resource is closed (the caller must not use it). */
  boolean tryAcquire() {
    int current;
    do {
      current = references.get();
      if (current == 0) {
        return false;
      }
    } while (!references.compareAndSet(current, current + 1));
    return true;
  }

  /** Returns a reference taken by {@link #tryAcquire()}. */
  void release() {
    int remaining = references.decrementAndGet();
    if (remaining == 0) {
      releaseAction.run();
    } else if (remaining < 0) {
      throw new IllegalStateException("released more references than were acquired");
    }
  }

  boolean isOpen() {
    return references.get() > 0;
  }

  /** Drops the owner's reference once; later calls are no-ops. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }
}
