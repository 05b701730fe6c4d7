package io.testgen.common.security;

/**
 * A value that may hold secrets (login or HTTP credentials). Its Temporal payloads are encrypted;
 * payloads of other values stay readable in the Temporal UI.
 */
public interface CarriesSecrets {
  /** Whether this instance holds a secret now. */
  boolean carriesSecrets();
}
