package io.testgen.common.workflow;

import io.testgen.common.security.CarriesSecrets;
import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Input of {@link TestGenerationWorkflow}: what to test and how far to go. Validated by the
 * gateway; the workflow and activities validate again and fail fast (non-retryable) on bad input.
 *
 * @param url target start URL (http or https)
 * @param maxDepth link depth of the crawl, 1..5 (default 2)
 * @param maxPages page budget of the crawl, 1..500 (default 20)
 * @param userInstruction optional goal in the user's words ("sign up and add a todo")
 * @param owner user who started the run (from the API key)
 * @param loginCredentials optional app login; protected in Temporal by the payload codec
 * @param httpCredentials optional HTTP basic credentials
 * @param allowDestructive whether the crawl and the tests may submit forms that delete, manage
 *     accounts or roles, pay or send (never the signed-in account's own, never a sign-out)
 * @param scenarioTypes optional filter of scenario types (empty: all)
 * @param maxScenarios cap on scenarios, 1..100 (default 50)
 * @param focusGoalOnly keep only scenarios on the instruction's flow
 * @param reviewRequirements pause after requirements until approved or rejected
 * @param reviewTimeout how long to wait for a review before failing (default 24h)
 * @param baselineWorkflowId earlier run whose suite this run evolves
 * @param maxIterations bound on improve iterations (default 5)
 * @param verifyRuns how many runs each kept test must pass, the first included, to count as not
 *     flaky (default 3)
 * @param requireGoal fail the run when the instruction's goal was not reached (default: when an
 *     instruction is given)
 * @param inputs which stages to run and the earlier stages' results (null: the whole pipeline)
 * @param allowWrites whether exploration may submit non-GET forms (null: true); false explores
 *     read-only, for production-like targets
 * @param mutationBudgetSeconds time for measuring the suite's oracle strength by fault injection
 *     (null: as long as the verification took; 0: off)
 */
public record GenerationRequest(
    String url,
    Integer maxDepth,
    Integer maxPages,
    String userInstruction,
    String owner,
    LoginCredentials loginCredentials,
    HttpCredentials httpCredentials,
    Boolean allowDestructive,
    List<String> scenarioTypes,
    Integer maxScenarios,
    Boolean focusGoalOnly,
    Boolean reviewRequirements,
    Duration reviewTimeout,
    String baselineWorkflowId,
    Integer maxIterations,
    Integer verifyRuns,
    Boolean requireGoal,
    PipelineInputs inputs,
    Boolean allowWrites,
    Integer mutationBudgetSeconds)
    implements CarriesSecrets {

  @Override
  public boolean carriesSecrets() {
    return loginCredentials != null || httpCredentials != null;
  }

  public static final int DEFAULT_MAX_DEPTH = 2;
  public static final int DEFAULT_MAX_PAGES = 20;
  public static final int DEFAULT_MAX_SCENARIOS = 50;
  public static final int DEFAULT_MAX_ITERATIONS = 5;
  public static final int DEFAULT_VERIFY_RUNS = 3;
  public static final Duration DEFAULT_REVIEW_TIMEOUT = Duration.ofHours(24);

  /** A request with defaults for everything but the URL. */
  public static GenerationRequest of(String url) {
    return new GenerationRequest(
        url, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  public int effectiveMaxDepth() {
    return maxDepth == null ? DEFAULT_MAX_DEPTH : maxDepth;
  }

  public int effectiveMaxPages() {
    return maxPages == null ? DEFAULT_MAX_PAGES : maxPages;
  }

  public int effectiveMaxScenarios() {
    return maxScenarios == null ? DEFAULT_MAX_SCENARIOS : maxScenarios;
  }

  public int effectiveMaxIterations() {
    return maxIterations == null ? DEFAULT_MAX_ITERATIONS : maxIterations;
  }

  public int effectiveVerifyRuns() {
    return verifyRuns == null ? DEFAULT_VERIFY_RUNS : verifyRuns;
  }

  public Duration effectiveReviewTimeout() {
    return reviewTimeout == null ? DEFAULT_REVIEW_TIMEOUT : reviewTimeout;
  }

  public boolean destructiveAllowed() {
    return Boolean.TRUE.equals(allowDestructive);
  }

  /** Whether exploration may submit non-GET forms (default true). */
  public boolean writesAllowed() {
    return !Boolean.FALSE.equals(allowWrites);
  }

  public boolean reviewRequired() {
    return Boolean.TRUE.equals(reviewRequirements);
  }

  public boolean goalRequired() {
    return Boolean.TRUE.equals(requireGoal)
        || (userInstruction != null && !userInstruction.isBlank() && requireGoal == null);
  }

  /** Whether {@code agent} runs in this request's part of the pipeline. */
  public boolean runs(Agent agent) {
    return inputs == null || inputs.runs(agent);
  }

  public GenerationRequest withOwner(String newOwner) {
    return with(r -> r.owner = newOwner);
  }

  /**
   * This request with some components changed, named rather than placed, e.g. {@code
   * GenerationRequest.of(url).with(r -> r.maxPages = 50)}.
   */
  public GenerationRequest with(Consumer<Changes> change) {
    Changes c = new Changes(this);
    change.accept(c);
    return new GenerationRequest(
        c.url,
        c.maxDepth,
        c.maxPages,
        c.userInstruction,
        c.owner,
        c.loginCredentials,
        c.httpCredentials,
        c.allowDestructive,
        c.scenarioTypes,
        c.maxScenarios,
        c.focusGoalOnly,
        c.reviewRequirements,
        c.reviewTimeout,
        c.baselineWorkflowId,
        c.maxIterations,
        c.verifyRuns,
        c.requireGoal,
        c.inputs,
        c.allowWrites,
        c.mutationBudgetSeconds);
  }

  /** The components {@link #with} may change: every one, starting from the request's own. */
  public static final class Changes {
    public String url;
    public Integer maxDepth;
    public Integer maxPages;
    public String userInstruction;
    public String owner;
    public LoginCredentials loginCredentials;
    public HttpCredentials httpCredentials;
    public Boolean allowDestructive;
    public List<String> scenarioTypes;
    public Integer maxScenarios;
    public Boolean focusGoalOnly;
    public Boolean reviewRequirements;
    public Duration reviewTimeout;
    public String baselineWorkflowId;
    public Integer maxIterations;
    public Integer verifyRuns;
    public Boolean requireGoal;
    public PipelineInputs inputs;
    public Boolean allowWrites;
    public Integer mutationBudgetSeconds;

    private Changes(GenerationRequest from) {
      url = from.url;
      maxDepth = from.maxDepth;
      maxPages = from.maxPages;
      userInstruction = from.userInstruction;
      owner = from.owner;
      loginCredentials = from.loginCredentials;
      httpCredentials = from.httpCredentials;
      allowDestructive = from.allowDestructive;
      scenarioTypes = from.scenarioTypes;
      maxScenarios = from.maxScenarios;
      focusGoalOnly = from.focusGoalOnly;
      reviewRequirements = from.reviewRequirements;
      reviewTimeout = from.reviewTimeout;
      baselineWorkflowId = from.baselineWorkflowId;
      maxIterations = from.maxIterations;
      verifyRuns = from.verifyRuns;
      requireGoal = from.requireGoal;
      inputs = from.inputs;
      allowWrites = from.allowWrites;
      mutationBudgetSeconds = from.mutationBudgetSeconds;
    }
  }
}
