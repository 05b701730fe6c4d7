package io.testgen.worker.evolution;

/** Why a scenario cannot become a verifiable test; the message is the reason users read. */
final class ScenarioSkip extends RuntimeException {
  ScenarioSkip(String reason) {
    super(reason, null, false, false);
  }
}
