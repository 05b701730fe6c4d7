package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.testgen.common.agents.observation.ObservationActivities;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.artifacts.ArtifactRef;
import io.testgen.common.artifacts.ContentAddressedStore;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.security.LoginCredentials;
import io.testgen.common.security.TargetPolicy;
import io.testgen.common.workflow.FailureTypes;
import io.testgen.testkit.servers.LoopbackPorts;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.CountingSite;
import io.testgen.testkit.sites.observation.LoginSite;
import io.testgen.worker.TemporalTestEnvironments;
import io.testgen.worker.progress.ProgressPublisher;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The activity in Temporal's activity test environment: input checks, progress, heartbeats. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ObservationActivitiesImplTest {
  /** Keeps every event, in order. */
  static final class RecordingPublisher implements ProgressPublisher {
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(ProgressEvent event) {
      events.add(event);
    }

    List<ProgressEventType> types() {
      return events.stream().map(ProgressEvent::type).toList();
    }
  }

  TestActivityEnvironment env;
  RecordingPublisher progress;

  @BeforeEach
  void start() {
    env = TemporalTestEnvironments.activities();
    progress = new RecordingPublisher();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private ObservationActivities activity(TargetPolicy policy, CrawlSettings settings) {
    env.registerActivitiesImplementations(
        new ObservationActivitiesImpl(
            SharedBrowser.pool(), SharedBrowser.artifacts(), progress, policy, settings));
    return env.newActivityStub(
        ObservationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(3))
            // the SDK sends heartbeats at most every 0.8 x this: short, so tests see them
            .setHeartbeatTimeout(Duration.ofSeconds(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  private static final ContentAddressedStore STORE =
      new ContentAddressedStore(SharedBrowser.artifacts().root());

  /** The checkpoint a heartbeat names, read back from the artifact store. */
  private static CrawlCheckpoint stored(ArtifactRef ref) {
    return STORE.getJson(ref, CrawlCheckpoint.class);
  }

  private static ObservationRequest request(String url, int depth, int pages) {
    return new ObservationRequest("wf-act", url, depth, pages, null, null, null, false);
  }

  private String failureType(ObservationActivities activity, ObservationRequest request) {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> activity.observe(request));
    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.isNonRetryable()).isTrue();
    return cause.getType();
  }

  @Test
  void refusesBadTargetsFastAndNonRetryably() {
    ObservationActivities activity =
        activity(TargetPolicy.allowingLoopback(), CrawlSettings.defaults());
    assertThat(failureType(activity, request("ftp://127.0.0.1/x", 2, 20)))
        .isEqualTo(FailureTypes.INVALID_TARGET);
    assertThat(failureType(activity, request("not a url at all", 2, 20)))
        .isEqualTo(FailureTypes.INVALID_TARGET);
    assertThat(failureType(activity, request("http://", 2, 20)))
        .isEqualTo(FailureTypes.INVALID_TARGET);
    try (LoopbackPorts.Refusing closed = LoopbackPorts.refusing()) {
      assertThat(failureType(activity, request("http://127.0.0.1:" + closed.port() + "/", 2, 20)))
          .isEqualTo(FailureTypes.TARGET_UNREACHABLE);
    }
    assertThat(failureType(activity, request("http://no-such-host.invalid/", 2, 20)))
        .isEqualTo(FailureTypes.TARGET_UNREACHABLE);
    assertThat(progress.types())
        .containsExactly(
            ProgressEventType.AGENT_STARTED, ProgressEventType.AGENT_FAILED,
            ProgressEventType.AGENT_STARTED, ProgressEventType.AGENT_FAILED,
            ProgressEventType.AGENT_STARTED, ProgressEventType.AGENT_FAILED,
            ProgressEventType.AGENT_STARTED, ProgressEventType.AGENT_FAILED,
            ProgressEventType.AGENT_STARTED, ProgressEventType.AGENT_FAILED);
  }

  @Test
  void refusesTargetsThePolicyForbids() {
    ObservationActivities activity = activity(TargetPolicy.strict(), CrawlSettings.defaults());
    assertThat(failureType(activity, request("http://127.0.0.1:8080/", 2, 20)))
        .isEqualTo(FailureTypes.TARGET_NOT_ALLOWED);
    assertThat(failureType(activity, request("http://169.254.169.254/latest/", 2, 20)))
        .isEqualTo(FailureTypes.TARGET_NOT_ALLOWED);
    assertThat(progress.events.get(1).message()).startsWith("target not allowed: ");
  }

  @Test
  void reportsProgressHeartbeatsACheckpointAndKeepsCredentialsOut() throws Exception {
    List<CrawlCheckpoint> heartbeats = new CopyOnWriteArrayList<>();
    List<ArtifactRef> refs = new CopyOnWriteArrayList<>();
    env.setActivityHeartbeatListener(
        ArtifactRef.class,
        ref -> {
          refs.add(ref);
          heartbeats.add(stored(ref));
        });
    try (FixtureServer server = FixtureServer.start()) {
      LoginSite.install(server);
      ObservationActivities activity =
          activity(TargetPolicy.allowingLoopback(), CrawlSettings.defaults());
      ObservationResult result =
          activity.observe(
              new ObservationRequest(
                  "wf-act",
                  server.url("/"),
                  2,
                  20,
                  null,
                  new LoginCredentials(LoginSite.USER, LoginSite.PASSWORD, "/login"),
                  null,
                  false));
      assertThat(result.loggedIn()).isTrue();
      assertThat(progress.types().get(0)).isEqualTo(ProgressEventType.AGENT_STARTED);
      assertThat(progress.types().get(progress.types().size() - 1))
          .isEqualTo(ProgressEventType.AGENT_COMPLETED);
      ProgressEvent completed = progress.events.get(progress.events.size() - 1);
      assertThat(completed.data())
          .containsEntry("pages", result.stats().pagesVisited())
          .containsEntry("states", result.stats().statesFound())
          .containsEntry("forms", result.stats().formsFound());
      List<ProgressEvent> updates =
          progress.events.stream()
              .filter(e -> e.type() == ProgressEventType.AGENT_PROGRESS)
              .toList();
      assertThat(updates).isNotEmpty();
      assertThat(updates.get(0).data()).containsOnlyKeys("pages", "states", "forms", "current_url");
      assertThat(updates).allMatch(e -> e.progress() >= 0.05 && e.progress() <= 0.25);
      assertThat(heartbeats).isNotEmpty();
      // the heartbeat is a reference; the checkpoints it named are gone once the crawl completed
      assertThat(refs).allMatch(r -> !Files.exists(STORE.path(r))).allMatch(r -> r.sizeBytes() > 0);
      String everything =
          JsonMapperFactory.shared()
              .writeValueAsString(List.of(result, progress.events, heartbeats));
      // the password nowhere; the user name never as a typed value (the app's own texts keep it)
      assertThat(everything).doesNotContain(LoginSite.PASSWORD);
      assertThat(result.forms())
          .flatExtracting(f -> f.submissions())
          .allMatch(s -> !s.values().containsValue(LoginSite.USER));
    }
  }

  @Test
  void aRetriedAttemptResumesFromTheLastCheckpoint() {
    try (FixtureServer server = FixtureServer.start()) {
      // slow enough that the crawl is still running at the tick after the fourth state (ticks
      // come every second; 24 pages of 500 ms on two threads take six): a fast machine must not
      // finish the whole crawl between two heartbeats
      CountingSite site = CountingSite.install(server, 4, 6, 500);
      // attempt 1: stopped on purpose once it has found a few states
      AtomicReference<CrawlCheckpoint> last = new AtomicReference<>();
      AtomicReference<ArtifactRef> lastRef = new AtomicReference<>();
      env.setActivityHeartbeatListener(
          ArtifactRef.class,
          ref -> {
            CrawlCheckpoint c = stored(ref);
            last.set(c);
            lastRef.set(ref);
            // four states: with two threads, up to two may still be in flight (pending)
            if (c.states().size() >= 4) env.requestCancelActivity();
          });
      ObservationActivities activity =
          activity(TargetPolicy.allowingLoopback(), CrawlSettings.defaults());
      ObservationRequest request = request(server.url("/"), 2, 30);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> activity.observe(request)))
          .isInstanceOf(io.temporal.failure.CanceledFailure.class);
      CrawlCheckpoint checkpoint = last.get();
      assertThat(checkpoint.states()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(checkpoint.frontier()).isNotEmpty();
      // What attempt 1 fetched in all (a state may be loaded again to try its actions, and work in
      // flight at the cancel may still land): attempt 2 must add nothing to these.
      java.util.Set<String> pending =
          checkpoint.frontier().stream()
              .map(t -> SharedBrowser.pathOf(t.url()))
              .collect(java.util.stream.Collectors.toSet());
      java.util.Map<String, Integer> fetchedByAttempt1 = new java.util.HashMap<>();
      for (String url : checkpoint.urlStates().keySet()) {
        String path = SharedBrowser.pathOf(url);
        if (!pending.contains(path)) fetchedByAttempt1.put(path, site.hits(path));
      }
      fetchedByAttempt1.put("/", site.hits("/"));

      // attempt 2: a fresh environment carrying the heartbeat details, as Temporal's retry does
      env.close();
      start();
      env.setHeartbeatDetails(lastRef.get());
      ObservationResult result =
          activity(TargetPolicy.allowingLoopback(), CrawlSettings.defaults()).observe(request);
      assertThat(result.stats().resumedFromCheckpoint()).isEqualTo(checkpoint.states().size());
      assertThat(result.states())
          .extracting(StateInfo::stateId)
          .containsAll(checkpoint.states().stream().map(StateInfo::stateId).toList());
      assertThat(result.states()).hasSize(6); // home, four section templates, one page template
      // not from zero: pages explored before the checkpoint were not fetched again; attempt 1
      // checked that "/" answers, then crawled it; attempt 2 did neither
      assertThat(fetchedByAttempt1).hasSizeGreaterThanOrEqualTo(3);
      fetchedByAttempt1.forEach(
          (path, hits) -> assertThat(site.hits(path)).as(path).isEqualTo(hits));
      assertThat(progress.events.get(0).message()).startsWith("Resuming exploration of ");
    }
  }

  @Test
  void cancellationClosesTheBrowserContextsWithinFiveSeconds() {
    try (FixtureServer server = FixtureServer.start()) {
      CountingSite.install(server, 6, 2, 8_000); // every page takes 8 s
      AtomicLong cancelledAt = new AtomicLong();
      env.setActivityHeartbeatListener(
          ArtifactRef.class,
          ref -> {
            if (stored(ref).pagesVisited() >= 2 && cancelledAt.get() == 0) {
              cancelledAt.set(System.nanoTime());
              env.requestCancelActivity();
            }
          });
      ObservationActivities activity =
          activity(
              TargetPolicy.allowingLoopback(),
              CrawlSettings.defaults().with(s -> s.pageTimeout = Duration.ofSeconds(30)));
      // the reachability check waits for "/" too; the crawl then sits in slow page loads
      Throwable failure =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> activity.observe(request(server.url("/"), 2, 30)));
      long stoppedAfterMillis = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
      assertThat(failure).isInstanceOf(io.temporal.failure.CanceledFailure.class);
      assertThat(cancelledAt.get()).isPositive();
      assertThat(stoppedAfterMillis).isLessThan(5_000);
      assertThat(SharedBrowser.pool().availableContexts())
          .isEqualTo(SharedBrowser.pool().parallelism());
    }
  }
}
