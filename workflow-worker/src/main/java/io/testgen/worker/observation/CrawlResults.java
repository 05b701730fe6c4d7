package io.testgen.worker.observation;

import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assembles the observation result from a finished crawl's model, with secrets redacted. */
final class CrawlResults {
  private CrawlResults() {}

  static ObservationResult of(
      CrawlContext ctx, boolean loggedIn, long elapsedMillis, int resumedStates) {
    CrawlModel model = ctx.model();
    List<StateInfo> states = model.states();
    Set<String> ids = new HashSet<>();
    states.forEach(s -> ids.add(s.stateId()));
    List<Transition> transitions =
        model.transitions().stream()
            .filter(t -> ids.contains(t.fromStateId()) && ids.contains(t.toStateId()))
            .toList();
    List<FormInfo> forms = model.forms();
    List<Finding> findings = model.findings();
    CrawlStats stats =
        new CrawlStats(
            model.pagesVisited(),
            states.size(),
            forms.size(),
            model.actionsTried(),
            transitions.size(),
            findings.size(),
            elapsedMillis,
            resumedStates);
    ObservationResult result =
        new ObservationResult(
            ctx.request().url(),
            model.startStateId(),
            states,
            transitions,
            forms,
            findings,
            goal(ctx, ids),
            loggedIn,
            stats,
            model.writes());
    return ctx.redactor().redact(result, ObservationResult.class);
  }

  private static GoalOutcome goal(CrawlContext ctx, Set<String> stateIds) {
    GoalMatcher goal = ctx.goal();
    if (!goal.active()) return null;
    GoalOutcome outcome = ctx.model().goal();
    if (outcome != null && stateIds.contains(outcome.goalStateId())) return outcome;
    return new GoalOutcome(
        goal.instruction(),
        false,
        List.of(),
        null,
        "no link, button or form matching the instruction led to a new state within "
            + ctx.request().maxPages()
            + " pages and depth "
            + ctx.request().maxDepth());
  }
}
