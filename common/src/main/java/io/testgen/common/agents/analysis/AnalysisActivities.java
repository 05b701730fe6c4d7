package io.testgen.common.agents.analysis;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Analysis agent: FMEA risk, ranking, execution strategy. */
@ActivityInterface
public interface AnalysisActivities {
  @ActivityMethod(name = "Analyse")
  AnalysisResult analyse(AnalysisRequest request);
}
