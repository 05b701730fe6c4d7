package io.testgen.worker.evolution;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the verification threads to stop: checked before every run and every step, so a cancelled
 * activity frees its browser contexts within one step's timeout. Threads are not interrupted:
 * Playwright's connection does not survive an interrupt mid-call.
 */
final class VerificationStop {
  /** Thrown inside a verification thread once a stop was requested. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("verification stopped", null, false, false);
    }
  }

  private final AtomicBoolean requested = new AtomicBoolean();

  void request() {
    requested.set(true);
  }

  boolean requested() {
    return requested.get();
  }

  void check() {
    if (requested.get()) throw new Stopped();
  }
}
