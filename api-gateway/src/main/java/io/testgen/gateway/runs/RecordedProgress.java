package io.testgen.gateway.runs;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.analysis.AnalysisSummary;
import io.testgen.common.agents.evolution.EvolutionResult;
import io.testgen.common.agents.evolution.EvolutionSummary;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.agents.requirements.RequirementsSummary;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.workflow.Agent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a closed run's progress events from its Temporal history, for a run whose Redis stream
 * is gone (expired, or lost with Redis): the run started, and each agent started (with its
 * activity's summary) and completed (with the counts its result or result summary carries) or
 * failed, at the times Temporal recorded. Each event's data says {@code rebuilt: true}; the final
 * risk register stays quiet, as on the live stream. The terminal event is {@link
 * RunQueries#terminalEvent}'s.
 */
@Component
public class RecordedProgress {
  private static final Logger log = LoggerFactory.getLogger(RecordedProgress.class);

  private final WorkflowClient client;

  RecordedProgress(WorkflowClient client) {
    this.client = client;
  }

  /** The rebuilt events, oldest first; empty when the history cannot be read. */
  public List<ProgressEvent> rebuild(String workflowId) {
    try {
      return events(
          workflowId, client.fetchHistory(workflowId), client.getOptions().getDataConverter());
    } catch (RuntimeException e) {
      log.info(
          "event=progress_rebuild_failed workflow_id={} error={}",
          workflowId,
          e.getClass().getSimpleName());
      return List.of();
    }
  }

  /** The events {@code history} tells, payloads read with {@code converter}. */
  static List<ProgressEvent> events(
      String workflowId, WorkflowExecutionHistory history, DataConverter converter) {
    List<ProgressEvent> events = new ArrayList<>();
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    Map<Agent, Boolean> seen = new LinkedHashMap<>();
    for (HistoryEvent event : history.getEvents()) {
      Instant at =
          Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
            events.add(
                event(
                    ProgressEventType.WORKFLOW_STARTED,
                    workflowId,
                    null,
                    0.0,
                    "Run started",
                    Map.of(),
                    at));
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          Agent agent =
              agentOf(event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          // one lifecycle per agent: the final risk register and the review's revision stay quiet
          if (agent != null && seen.putIfAbsent(agent, true) == null) {
            scheduled.put(event.getEventId(), event);
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          HistoryEvent schedule =
              scheduled.get(event.getActivityTaskStartedEventAttributes().getScheduledEventId());
          if (schedule == null) break;
          Agent agent =
              agentOf(
                  schedule.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          String summary =
              schedule.hasUserMetadata() && schedule.getUserMetadata().hasSummary()
                  ? text(schedule.getUserMetadata().getSummary(), converter)
                  : null;
          events.add(
              event(
                  ProgressEventType.AGENT_STARTED,
                  workflowId,
                  agent,
                  agent.bandStart(),
                  summary == null ? capitalised(agent.wireName()) + " started" : summary,
                  Map.of(),
                  at));
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          var completed = event.getActivityTaskCompletedEventAttributes();
          HistoryEvent schedule = scheduled.get(completed.getScheduledEventId());
          if (schedule == null) break;
          String type =
              schedule.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          Agent agent = agentOf(type);
          Map<String, Object> counts = new LinkedHashMap<>();
          String message = completion(type, completed.getResult(), converter, counts);
          events.add(
              event(
                  ProgressEventType.AGENT_COMPLETED,
                  workflowId,
                  agent,
                  agent.bandEnd(),
                  message,
                  counts,
                  at));
        }
        case EVENT_TYPE_ACTIVITY_TASK_FAILED, EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
          long id =
              event.hasActivityTaskFailedEventAttributes()
                  ? event.getActivityTaskFailedEventAttributes().getScheduledEventId()
                  : event.getActivityTaskTimedOutEventAttributes().getScheduledEventId();
          HistoryEvent schedule = scheduled.get(id);
          if (schedule == null) break;
          Agent agent =
              agentOf(
                  schedule.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          String reason =
              event.hasActivityTaskFailedEventAttributes()
                  ? event.getActivityTaskFailedEventAttributes().getFailure().getMessage()
                  : "timed out";
          events.add(
              event(
                  ProgressEventType.AGENT_FAILED,
                  workflowId,
                  agent,
                  agent.bandStart(),
                  reason,
                  Map.of(),
                  at));
        }
        default -> {}
      }
    }
    return events;
  }

  /** The agent an activity type belongs to; null for others (run events, stores). */
  static Agent agentOf(String activityType) {
    return switch (activityType) {
      case "Observe", "ObserveAndStore" -> Agent.OBSERVATION;
      case "DeriveRequirements", "DeriveRequirementsAndStore" -> Agent.REQUIREMENTS;
      case "Analyse", "AnalyseAndStore" -> Agent.ANALYSIS;
      case "Evolve", "EvolveAndStore" -> Agent.EVOLUTION;
      default -> null;
    };
  }

  /** The completion message the workflow's status shows, with its counts into {@code counts}. */
  private static String completion(
      String type, Payloads result, DataConverter converter, Map<String, Object> counts) {
    switch (type) {
      case "Observe", "ObserveAndStore" -> {
        ObservationSummary s =
            type.equals("Observe")
                ? ObservationSummary.of(read(result, ObservationResult.class, converter), null)
                : read(result, ObservationSummary.class, converter);
        counts.put("pages", s.pagesVisited());
        counts.put("states", s.stateCount());
        counts.put("forms", s.formCount());
        counts.put("findings", s.findingCount());
        return "Found " + s.stateCount() + " states, " + s.formCount() + " forms";
      }
      case "DeriveRequirements", "DeriveRequirementsAndStore" -> {
        RequirementsSummary s =
            type.equals("DeriveRequirements")
                ? RequirementsSummary.of(read(result, RequirementsResult.class, converter), null)
                : read(result, RequirementsSummary.class, converter);
        counts.put("scenarios", s.scenarioCount());
        return s.scenarioCount() + " scenarios";
      }
      case "Analyse", "AnalyseAndStore" -> {
        AnalysisSummary s =
            type.equals("Analyse")
                ? AnalysisSummary.of(read(result, AnalysisResult.class, converter), null)
                : read(result, AnalysisSummary.class, converter);
        counts.put("scenarios", s.rankedCount());
        if (s.levelCounts() != null) counts.putAll(s.levelCounts());
        return "Ranked " + s.rankedCount() + " scenarios";
      }
      default -> {
        EvolutionSummary s =
            type.equals("Evolve")
                ? EvolutionSummary.of(read(result, EvolutionResult.class, converter), null)
                : read(result, EvolutionSummary.class, converter);
        counts.put("tests", s.testCount());
        counts.put("flaky", s.flakyCount());
        counts.put("repaired", s.repairedCount());
        counts.put("failing", s.failingCount());
        return s.testCount() + " tests verified";
      }
    }
  }

  private static <T> T read(Payloads payloads, Class<T> type, DataConverter converter) {
    return converter.fromPayloads(0, Optional.of(payloads), type, type);
  }

  private static String text(Payload payload, DataConverter converter) {
    try {
      return converter.fromPayload(payload, String.class, String.class);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static ProgressEvent event(
      ProgressEventType type,
      String workflowId,
      Agent agent,
      double progress,
      String message,
      Map<String, Object> counts,
      Instant at) {
    Map<String, Object> data = new LinkedHashMap<>(counts);
    data.put("rebuilt", true);
    return new ProgressEvent(
        type, workflowId, agent == null ? null : agent.wireName(), progress, message, data, at);
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
