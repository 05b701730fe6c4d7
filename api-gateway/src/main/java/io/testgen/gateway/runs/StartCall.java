package io.testgen.gateway.runs;

import io.testgen.gateway.security.Caller;

/**
 * Who starts a run and under which key a repeated start finds the run already started: what every
 * start endpoint takes besides its body (resolved and documented by {@link StartCallResolver}).
 *
 * @param caller the authenticated user, the run's owner
 * @param idempotencyKey the {@value #IDEMPOTENCY_KEY} header, or null
 */
record StartCall(Caller caller, String idempotencyKey) {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The owner of the run this call starts. */
  String user() {
    return caller.user();
  }
}
