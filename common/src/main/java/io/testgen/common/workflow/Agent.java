package io.testgen.common.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The four agents, in pipeline order, with the band of total progress each one covers (the seed's
 * bands: observation .05-.25, requirements .30-.50, analysis .55-.75, evolution .80-.95).
 */
public enum Agent {
  OBSERVATION(0.05, 0.25),
  REQUIREMENTS(0.30, 0.50),
  ANALYSIS(0.55, 0.75),
  EVOLUTION(0.80, 0.95);

  private final double bandStart;
  private final double bandEnd;

  Agent(double bandStart, double bandEnd) {
    this.bandStart = bandStart;
    this.bandEnd = bandEnd;
  }

  /** Wire name, e.g. {@code observation}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  public double bandStart() {
    return bandStart;
  }

  public double bandEnd() {
    return bandEnd;
  }

  /** Maps the agent's own progress (0..1) into the run's total progress band. */
  public double totalProgress(double agentProgress) {
    double clamped = Math.max(0, Math.min(1, agentProgress));
    return bandStart + (bandEnd - bandStart) * clamped;
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} for unknown names. */
  public static Agent fromWire(String name) {
    return Agent.valueOf(name.toUpperCase());
  }
}
