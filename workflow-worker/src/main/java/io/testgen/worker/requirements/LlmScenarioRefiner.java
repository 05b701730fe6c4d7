package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;

import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.agents.requirements.ScenarioVocabulary;
import io.testgen.worker.llm.ChatOutcome;
import io.testgen.worker.llm.StructuredChatClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets an LLM refine the rule-derived scenarios: better titles and Given/When/Then wording, and
 * extra scenarios from the user's instruction. It never replaces: every edit and proposal is
 * validated against the observation (unknown scenarios, states, forms or elements are dropped), and
 * when the call times out, fails or answers nonsense, the deterministic scenarios stand and the
 * report says why.
 */
public final class LlmScenarioRefiner {
  static final String PURPOSE = "requirements.refine";
  static final int MAX_NEW_SCENARIOS = 10;
  static final int MAX_TITLE = 120;
  static final int MAX_STEP = 200;
  static final int MAX_STEPS = 10;

  /** The reply the model is asked for. */
  record RefinementReply(List<ScenarioEdit> edits, List<ProposedScenario> newScenarios) {}

  record ScenarioEdit(
      String scenarioId, String title, List<String> given, List<String> when, List<String> then) {}

  record ProposedScenario(
      String title,
      List<String> given,
      List<String> when,
      List<String> then,
      String scenarioType,
      String priority,
      List<String> stateIds,
      List<String> formIds,
      List<String> elementIds,
      Map<String, String> testData) {}

  /** Scenarios after refinement and what the LLM did. */
  public record Refinement(List<Scenario> scenarios, LlmReport report) {}

  private final StructuredChatClient chat;

  public LlmScenarioRefiner(StructuredChatClient chat) {
    this.chat = chat;
  }

  public Refinement refine(ObservationIndex index, String instruction, List<Scenario> scenarios) {
    ChatOutcome<RefinementReply> outcome =
        chat.askForJson(
            PURPOSE,
            RefinementPrompt.SYSTEM,
            RefinementPrompt.user(index, instruction, scenarios),
            RefinementReply.class);
    if (!outcome.succeeded()) {
      return new Refinement(scenarios, chat.report(outcome, 0, 0));
    }
    RefinementReply reply = outcome.value();
    int applied = 0;
    int rejected = 0;
    Map<String, Scenario> byId = new LinkedHashMap<>();
    scenarios.forEach(s -> byId.put(s.scenarioId(), s));
    for (ScenarioEdit edit : orEmpty(reply.edits())) {
      Scenario original = edit == null ? null : byId.get(edit.scenarioId());
      if (original == null || !validEdit(edit)) {
        rejected++;
        continue;
      }
      byId.put(original.scenarioId(), applyEdit(original, edit));
      applied++;
    }
    Set<String> flowStates = goalFlowStates(scenarios);
    int added = 0;
    for (ProposedScenario proposal : orEmpty(reply.newScenarios())) {
      if (proposal == null || added >= MAX_NEW_SCENARIOS || !validProposal(index, proposal)) {
        rejected++;
        continue;
      }
      Scenario scenario = toScenario(proposal, flowStates);
      if (byId.containsKey(scenario.scenarioId())) {
        rejected++;
        continue;
      }
      byId.put(scenario.scenarioId(), scenario);
      added++;
      applied++;
    }
    return new Refinement(List.copyOf(byId.values()), chat.report(outcome, applied, rejected));
  }

  static Set<String> goalFlowStates(List<Scenario> scenarios) {
    return scenarios.stream()
        .filter(s -> s.scenarioId().equals(ScenarioDeriver.GOAL_ID))
        .findFirst()
        .map(s -> (Set<String>) new LinkedHashSet<>(orEmpty(s.evidence().stateIds())))
        .orElse(Set.of());
  }

  private static boolean validEdit(ScenarioEdit edit) {
    return (edit.title() == null || validText(edit.title(), MAX_TITLE))
        && (edit.given() == null || validSteps(edit.given()))
        && (edit.when() == null || validSteps(edit.when()))
        && (edit.then() == null || validSteps(edit.then()));
  }

  private static Scenario applyEdit(Scenario s, ScenarioEdit edit) {
    List<String> tags = new ArrayList<>(s.tags());
    if (!tags.contains("llm_refined")) {
      tags.add("llm_refined");
    }
    return Scenarios.retold(
        s,
        edit.title() == null ? s.title() : edit.title().strip(),
        edit.given() == null ? s.given() : strip(edit.given()),
        edit.when() == null ? s.when() : strip(edit.when()),
        edit.then() == null ? s.then() : strip(edit.then()),
        tags);
  }

  /** Every id must name something observed: a proposal that cites one unknown id is dropped. */
  private static boolean validProposal(ObservationIndex index, ProposedScenario p) {
    return validText(p.title(), MAX_TITLE)
        && p.given() != null
        && validSteps(p.given())
        && p.when() != null
        && validSteps(p.when())
        && p.then() != null
        && validSteps(p.then())
        && ScenarioVocabulary.TYPES.contains(p.scenarioType())
        && (p.priority() == null || ScenarioVocabulary.PRIORITIES.contains(p.priority()))
        && p.stateIds() != null
        && !p.stateIds().isEmpty()
        && p.stateIds().stream().allMatch(index::hasState)
        && orEmpty(p.formIds()).stream().allMatch(index::hasForm)
        && orEmpty(p.elementIds()).stream().allMatch(index::hasElement)
        && (p.testData() == null
            || (p.testData().size() <= 20
                && p.testData().entrySet().stream()
                    .allMatch(
                        e ->
                            validText(e.getKey(), 60)
                                && e.getValue() != null
                                && e.getValue().length() <= MAX_STEP)));
  }

  private static Scenario toScenario(ProposedScenario p, Set<String> flowStates) {
    List<String> tags = new ArrayList<>(List.of("llm"));
    if (!flowStates.isEmpty() && flowStates.containsAll(p.stateIds())) {
      tags.add(ScenarioVocabulary.TAG_GOAL_FLOW);
    }
    return new Scenario(
        "REQ-LLM-" + shortHash(p.title().strip().toLowerCase(java.util.Locale.ROOT)),
        p.title().strip(),
        strip(p.given()),
        strip(p.when()),
        strip(p.then()),
        p.priority() == null ? ScenarioVocabulary.MEDIUM : p.priority(),
        p.scenarioType(),
        List.copyOf(tags),
        p.testData() == null ? Map.of() : new LinkedHashMap<>(p.testData()),
        new Evidence(
            List.copyOf(p.stateIds()),
            List.copyOf(orEmpty(p.formIds())),
            List.copyOf(orEmpty(p.elementIds()))),
        false,
        ScenarioVocabulary.SOURCE_LLM);
  }

  private static boolean validSteps(List<String> steps) {
    return !steps.isEmpty()
        && steps.size() <= MAX_STEPS
        && steps.stream().allMatch(step -> validText(step, MAX_STEP));
  }

  private static boolean validText(String text, int max) {
    return text != null && !text.isBlank() && text.length() <= max;
  }

  private static List<String> strip(List<String> steps) {
    return steps.stream().map(String::strip).toList();
  }

  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    String single = text.strip().replaceAll("\\s+", " ");
    return single.length() <= max ? single : single.substring(0, max) + "...";
  }

  /** Same title, same id: a proposal keeps its id across runs. */
  static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
