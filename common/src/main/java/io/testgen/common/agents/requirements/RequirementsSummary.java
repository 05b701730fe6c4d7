package io.testgen.common.agents.requirements;

import io.testgen.common.artifacts.ArtifactRef;

/**
 * What the workflow keeps of a {@link RequirementsResult}: its scenario count and where the whole
 * result is stored.
 *
 * @param ref the stored result; null when the result travelled inline (an earlier stage's input)
 */
public record RequirementsSummary(ArtifactRef ref, int scenarioCount) {

  /** The summary of {@code result}, stored under {@code ref}. Pure: workflow code may call it. */
  public static RequirementsSummary of(RequirementsResult result, ArtifactRef ref) {
    return new RequirementsSummary(ref, result.scenarios() == null ? 0 : result.scenarios().size());
  }
}
