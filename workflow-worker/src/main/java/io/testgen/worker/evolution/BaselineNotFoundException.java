package io.testgen.worker.evolution;

/** The baseline suite a request names is not in the artifact store. */
public final class BaselineNotFoundException extends RuntimeException {
  public BaselineNotFoundException(String ref) {
    super("baseline suite not found: " + ref);
  }
}
