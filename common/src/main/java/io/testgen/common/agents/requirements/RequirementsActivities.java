package io.testgen.common.agents.requirements;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Requirements agent: Given/When/Then scenarios from what Observation saw. */
@ActivityInterface
public interface RequirementsActivities {
  @ActivityMethod(name = "DeriveRequirements")
  RequirementsResult deriveRequirements(RequirementsRequest request);

  /**
   * {@link #deriveRequirements} reading the observation by reference and writing its result to the
   * artifact store: Temporal carries only references and counts.
   */
  @ActivityMethod(name = "DeriveRequirementsAndStore")
  RequirementsSummary deriveRequirementsAndStore(RequirementsRequest request);

  /** Stores the stored requirements with a reviewer's edited scenarios as a new result. */
  @ActivityMethod(name = "StoreRequirementsRevision")
  RequirementsSummary storeRevision(RequirementsRevision revision);
}
