package io.testgen.worker;

import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.testgen.common.agents.analysis.AnalysisActivities;
import io.testgen.common.agents.evolution.EvolutionActivities;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.requirements.RequirementsActivities;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How soon Temporal notices a worker that died inside an agent, as the worker may override it
 * ({@code TESTGEN_HEARTBEAT_TIMEOUT_SECONDS}): every activity type of the four agents gets that
 * heartbeat timeout through {@link WorkflowImplementationOptions}, merged over the options the
 * workflow declares (unset: those options, 30 s Observation, 10 s Requirements and Analysis, 60 s
 * Evolution). Activity options are not commands, so replay and determinism are untouched; a run
 * takes the value of the worker that schedules its next activity. A value shorter than an agent's
 * longest gap between heartbeats (one crawled page, one verified test) makes Temporal retry live
 * attempts: the fault suite lowers it on a small app; production keeps the defaults.
 */
public final class AgentHeartbeatTimeouts {
  static final String VARIABLE = "TESTGEN_HEARTBEAT_TIMEOUT_SECONDS";

  private static final List<Class<?>> AGENTS =
      List.of(
          ObservationActivities.class,
          RequirementsActivities.class,
          AnalysisActivities.class,
          EvolutionActivities.class);

  private AgentHeartbeatTimeouts() {}

  /** Options to register the workflow with: the override, if any, per activity type. */
  public static WorkflowImplementationOptions workflowOptions(Optional<Duration> heartbeatTimeout) {
    WorkflowImplementationOptions.Builder options = WorkflowImplementationOptions.newBuilder();
    heartbeatTimeout.ifPresent(timeout -> options.setActivityOptions(perActivityType(timeout)));
    return options.build();
  }

  /** {@code timeout} as the heartbeat timeout of every agent's activity type, nothing else set. */
  static Map<String, ActivityOptions> perActivityType(Duration timeout) {
    ActivityOptions heartbeat = ActivityOptions.newBuilder().setHeartbeatTimeout(timeout).build();
    Map<String, ActivityOptions> byType = new TreeMap<>();
    for (Class<?> agent : AGENTS) {
      for (Method method : agent.getMethods()) {
        ActivityMethod annotated = method.getAnnotation(ActivityMethod.class);
        String name = method.getName();
        // Temporal's default type is the method's name with a capital first letter
        byType.put(
            annotated != null && !annotated.name().isEmpty()
                ? annotated.name()
                : Character.toUpperCase(name.charAt(0)) + name.substring(1),
            heartbeat);
      }
    }
    return byType;
  }
}
