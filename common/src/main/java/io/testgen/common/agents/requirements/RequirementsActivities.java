package io.testgen.common.agents.requirements;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Requirements agent: Given/When/Then scenarios from what Observation saw. */
@ActivityInterface
public interface RequirementsActivities {
  @ActivityMethod(name = "DeriveRequirements")
  RequirementsResult deriveRequirements(RequirementsRequest request);
}
