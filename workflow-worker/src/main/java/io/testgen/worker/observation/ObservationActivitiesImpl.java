package io.testgen.worker.observation;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.ObservationSummary;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.Agent;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.common.workflow.GenerationRequest;
import io.testgen.common.workflow.RunLimits;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.artifacts.ResultStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.progress.AgentProgressReporter;
import io.testgen.worker.progress.ProgressPublisher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Observation activity: validates the target, then crawls it with the {@link Crawler},
 * heartbeating a reference to its {@link CrawlCheckpoint} (kept by {@link Checkpoints}; a retried
 * attempt resumes from it) and publishing progress. Bad input fails fast and non-retryably: {@code
 * InvalidTarget}, {@code TargetNotAllowed}, {@code TargetUnreachable}; a target of which no page
 * could be read fails non-retryably as {@code TargetUnusable}, while any single bad page is only a
 * finding.
 */
public final class ObservationActivitiesImpl implements ObservationActivities {
  private static final Logger log = LoggerFactory.getLogger(ObservationActivitiesImpl.class);
  static final int MAX_DEPTH_LIMIT = RunLimits.MAX_DEPTH;
  static final int MAX_PAGES_LIMIT = RunLimits.MAX_PAGES;
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

  /** Failure type when no page of the target showed a state (every page failed). */
  public static final String TARGET_UNUSABLE = "TargetUnusable";

  private final Crawler crawler;
  private final ProgressPublisher progress;
  private final TargetPolicy policy;
  private final ResultStore results;
  private final ArtifactStore artifacts;

  public ObservationActivitiesImpl(
      BrowserPool pool,
      ArtifactStore artifacts,
      ProgressPublisher progress,
      TargetPolicy policy,
      CrawlSettings settings) {
    this.crawler = new Crawler(pool, artifacts, policy, settings);
    this.progress = progress;
    this.policy = policy;
    this.results = new ResultStore(artifacts);
    this.artifacts = artifacts;
  }

  @Override
  public ObservationSummary observeAndStore(ObservationRequest request) {
    ObservationResult result = observe(request);
    return ObservationSummary.of(result, results.put(result));
  }

  @Override
  public ObservationResult observe(ObservationRequest request) {
    String workflowId = request == null ? null : request.workflowId();
    AgentProgressReporter reporter =
        new AgentProgressReporter(progress, workflowId, Agent.OBSERVATION);
    MDC.put("workflow_id", String.valueOf(workflowId));
    ActivityExecutionContext context = currentContext();
    try {
      Checkpoints checkpoints = new Checkpoints(artifacts);
      CrawlCheckpoint resume = checkpoints.load(workflowId, lastCheckpoint(context));
      String target = request == null ? null : request.url();
      reporter.started(
          resume == null
              ? "Exploring " + target
              : "Resuming exploration of " + target + " from a checkpoint");
      ObservationRequest checked = validate(request);
      if (resume == null) checkReachable(checked);
      log.info(
          "event=observation_started workflow_id={} url={} max_depth={} max_pages={} resumed_states={}",
          workflowId,
          checked.url(),
          checked.maxDepth(),
          checked.maxPages(),
          resume == null ? 0 : resume.states().size());
      long[] lastProgress = {0};
      ObservationResult result =
          crawler.crawl(
              checked,
              resume,
              (fraction, data, checkpoint) -> {
                long now = System.nanoTime();
                if (now - lastProgress[0] >= PROGRESS_INTERVAL.toNanos()) {
                  lastProgress[0] = now;
                  reporter.progress(fraction, "Exploring " + data.get("current_url"), data);
                }
                if (context != null) context.heartbeat(checkpoints.save(checkpoint.get()));
              });
      checkpoints.discard();
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("pages", result.stats().pagesVisited());
      counts.put("states", result.stats().statesFound());
      counts.put("forms", result.stats().formsFound());
      counts.put("transitions", result.stats().transitions());
      counts.put("findings", result.stats().findings());
      if (result.goal() != null) counts.put("goal_reached", result.goal().reached());
      reporter.completed(
          "Found "
              + result.stats().statesFound()
              + " states and "
              + result.stats().formsFound()
              + " forms on "
              + result.stats().pagesVisited()
              + " pages",
          counts);
      log.info(
          "event=observation_completed workflow_id={} pages={} states={} forms={} duration_ms={}",
          workflowId,
          result.stats().pagesVisited(),
          result.stats().statesFound(),
          result.stats().formsFound(),
          result.stats().durationMillis());
      return result;
    } catch (TargetUnusableException unusable) {
      reporter.failed(unusable.getMessage());
      log.info(
          "event=observation_unusable workflow_id={} reason={}", workflowId, unusable.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(unusable.getMessage(), TARGET_UNUSABLE);
    } catch (ActivityCompletionException cancelled) {
      log.info("event=observation_cancelled workflow_id={}", workflowId);
      throw cancelled;
    } catch (ApplicationFailure failure) {
      reporter.failed(failure.getOriginalMessage());
      log.info(
          "event=observation_refused workflow_id={} type={} reason={}",
          workflowId,
          failure.getType(),
          failure.getOriginalMessage());
      throw failure;
    } catch (RuntimeException e) {
      reporter.failed("Observation failed: " + PageSettler.shortError(e));
      log.warn(
          "event=observation_failed workflow_id={} error={}",
          workflowId,
          PageSettler.shortError(e));
      throw e;
    } finally {
      MDC.remove("workflow_id");
    }
  }

  /**
   * The checkpoint reference the last attempt heartbeated; none when it heartbeated something else
   * (an attempt of an older worker that sent whole checkpoints starts afresh).
   */
  private static ArtifactRef lastCheckpoint(ActivityExecutionContext context) {
    if (context == null) return null;
    try {
      return context.getHeartbeatDetails(ArtifactRef.class).orElse(null);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static ActivityExecutionContext currentContext() {
    try {
      return Activity.getExecutionContext();
    } catch (RuntimeException notInAnActivity) {
      return null; // called directly (tools, tests): no heartbeats
    }
  }

  /** The request with defaults applied; fails non-retryably on bad input. */
  ObservationRequest validate(ObservationRequest request) {
    if (request == null || request.url() == null || request.url().isBlank())
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL is missing", FailureTypes.INVALID_TARGET);
    URI uri;
    try {
      uri = new URI(request.url().trim());
    } catch (Exception e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL is malformed: " + request.url(), FailureTypes.INVALID_TARGET);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https"))
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL must use http or https: " + request.url(), FailureTypes.INVALID_TARGET);
    if (uri.getHost() == null || uri.getHost().isBlank())
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL has no host: " + request.url(), FailureTypes.INVALID_TARGET);
    if (uri.getUserInfo() != null)
      throw ApplicationFailure.newNonRetryableFailure(
          "target URL must not carry credentials; use http_credentials",
          FailureTypes.INVALID_TARGET);
    TargetPolicy.Decision decision = policy.check(uri);
    if (!decision.resolved())
      throw ApplicationFailure.newNonRetryableFailure(
          "target host does not resolve: " + uri.getHost(), FailureTypes.TARGET_UNREACHABLE);
    if (!decision.allowed())
      throw ApplicationFailure.newNonRetryableFailure(
          "target not allowed: " + decision.reason(), FailureTypes.TARGET_NOT_ALLOWED);
    int depth =
        request.maxDepth() <= 0
            ? GenerationRequest.DEFAULT_MAX_DEPTH
            : Math.min(request.maxDepth(), MAX_DEPTH_LIMIT);
    int pages =
        request.maxPages() <= 0
            ? GenerationRequest.DEFAULT_MAX_PAGES
            : Math.min(request.maxPages(), MAX_PAGES_LIMIT);
    return new ObservationRequest(
        request.workflowId() == null ? "local" : request.workflowId(),
        uri.toString(),
        depth,
        pages,
        request.userInstruction(),
        request.loginCredentials(),
        request.httpCredentials(),
        request.allowDestructive(),
        request.allowWrites());
  }

  /** Any HTTP answer will do; a refused connection, timeout or unknown host is unreachable. */
  private void checkReachable(ObservationRequest request) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(crawler.settings().pageTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest.Builder get =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(crawler.settings().pageTimeout())
            .GET();
    if (request.httpCredentials() != null) {
      String token =
          request.httpCredentials().username() + ":" + request.httpCredentials().password();
      get.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      client.send(get.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target does not answer: " + request.url() + " (" + e.getClass().getSimpleName() + ")",
          FailureTypes.TARGET_UNREACHABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the target", e);
    }
  }
}
