package io.testgen.common.agents.analysis;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The Analysis agent: FMEA risk, ranking, execution strategy. */
@ActivityInterface
public interface AnalysisActivities {
  @ActivityMethod(name = "Analyse")
  AnalysisResult analyse(AnalysisRequest request);

  /**
   * {@link #analyse} reading its inputs by reference and writing its result to the artifact store:
   * Temporal carries only references and counts.
   */
  @ActivityMethod(name = "AnalyseAndStore")
  AnalysisSummary analyseAndStore(AnalysisRequest request);
}
