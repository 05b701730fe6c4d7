package io.testgen.worker.observation;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.HttpCredentials;
import io.testgen.common.agents.observation.CrawlStats;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.GoalOutcome;
import io.testgen.common.agents.observation.Heading;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.artifacts.ArtifactPaths;
import io.testgen.common.security.TargetPolicy;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import io.testgen.worker.browser.NavigationGuard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explores a web app in real Chromium and returns its state graph. Several browser contexts crawl
 * in parallel from one shared frontier: each loads a page (or replays the actions that reach an
 * in-page state), fingerprints what it sees, and for every new state follows its links, tries its
 * buttons and clickables, and submits its forms. Usable inside or outside a Temporal activity: the
 * {@link CrawlObserver} is the only link to the outside.
 */
public final class Crawler {
  private static final Logger log = LoggerFactory.getLogger(Crawler.class);
  private static final int MAX_CANDIDATES = 400;
  private static final int MAX_RELOGINS = 3;

  private final BrowserPool pool;
  private final ArtifactStore artifacts;
  private final TargetPolicy policy;
  private final CrawlSettings settings;

  public Crawler(
      BrowserPool pool, ArtifactStore artifacts, TargetPolicy policy, CrawlSettings settings) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.policy = policy;
    this.settings = settings;
  }

  public CrawlSettings settings() {
    return settings;
  }

  /**
   * Crawls {@code request.url()} (already validated), resuming from {@code resume} when given.
   * Blocks until the frontier is exhausted, a budget is spent, or the observer throws.
   */
  public ObservationResult crawl(
      ObservationRequest request, CrawlCheckpoint resume, CrawlObserver observer) {
    return new Run(request, resume).execute(observer);
  }

  private final class Run {
    private final ObservationRequest request;
    private final UrlScope scope;
    private final CrawlModel model;
    private final GoalMatcher goal;
    private final SecretRedactor redactor;
    private final LoginFlow loginFlow;
    private final long startNanos = System.nanoTime();
    private final long priorMillis;
    private final int resumedStates;
    private final CountDownLatch loginDone = new CountDownLatch(1);
    private final AtomicInteger relogins = new AtomicInteger();
    private volatile String storageState;
    private volatile boolean loggedIn;
    private volatile String loginPageUrl;
    private volatile boolean stopping;

    Run(ObservationRequest request, CrawlCheckpoint resume) {
      this.request = request;
      this.scope = new UrlScope(request.url());
      this.model = new CrawlModel(Math.max(1, request.maxPages()), settings.maxUrlsPerPattern());
      this.goal = new GoalMatcher(request.userInstruction());
      this.redactor = new SecretRedactor(request.loginCredentials(), request.httpCredentials());
      this.loginFlow =
          request.loginCredentials() == null
              ? null
              : new LoginFlow(request.loginCredentials(), request.url());
      if (resume != null) {
        model.restore(resume);
        priorMillis = resume.elapsedMillis();
        resumedStates = resume.states().size();
      } else {
        priorMillis = 0;
        resumedStates = 0;
        model.offerUrl(UrlScope.normalise(request.url()), 0, null, null, 0);
      }
    }

    ObservationResult execute(CrawlObserver observer) {
      int threads = Math.max(1, Math.min(settings.parallelism(), pool.parallelism()));
      ExecutorService executor =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "crawl-" + request.workflowId());
                t.setDaemon(true);
                return t;
              });
      List<Future<?>> workers = new ArrayList<>();
      if (loginFlow == null) loginDone.countDown();
      for (int i = 0; i < threads; i++) {
        boolean first = i == 0;
        workers.add(executor.submit(() -> work(first)));
      }
      executor.shutdown();
      try {
        while (!executor.awaitTermination(
            settings.tickInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          if (elapsedMillis() > settings.runBudget().toMillis()) {
            model.addFinding(
                new Finding(
                    "timeout", request.url(), null, "run budget spent; returning what was found"));
            model.stop();
          }
          observer.onTick(fraction(), progressData(), this::checkpoint);
        }
        for (Future<?> w : workers) w.get();
      } catch (InterruptedException e) {
        cancel(executor);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("crawl interrupted", e);
      } catch (RuntimeException | Error e) {
        cancel(executor);
        throw e;
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("crawl thread failed: " + e.getCause(), e.getCause());
      }
      observer.onTick(fraction(), progressData(), this::checkpoint);
      return result();
    }

    /** Stops the crawl threads and waits (bounded) until their contexts are closed. */
    private void cancel(ExecutorService executor) {
      stopping = true;
      model.stop();
      executor.shutdownNow();
      try {
        if (!executor.awaitTermination(4, TimeUnit.SECONDS))
          log.warn("event=crawl_cancel_slow workflow_id={}", request.workflowId());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.info("event=crawl_cancelled workflow_id={}", request.workflowId());
    }

    private long elapsedMillis() {
      return priorMillis + (System.nanoTime() - startNanos) / 1_000_000;
    }

    private double fraction() {
      return Math.min(1.0, model.pagesVisited() / (double) Math.max(1, request.maxPages()));
    }

    private Map<String, Object> progressData() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("pages", model.pagesVisited());
      data.put("states", model.stateCount());
      data.put("forms", model.formCount());
      String current = model.currentUrl();
      data.put("current_url", current == null ? request.url() : current);
      return redactor.redactData(data);
    }

    private CrawlCheckpoint checkpoint() {
      return redactor.redact(model.checkpoint(elapsedMillis()), CrawlCheckpoint.class);
    }

    // ---- one crawl thread

    private void work(boolean first) {
      ContextLease lease = null;
      org.slf4j.MDC.put("workflow_id", request.workflowId());
      try {
        if (!first) loginDone.await();
        lease = newContext();
        Page page = lease.context().newPage();
        PageSettler settler =
            new PageSettler(
                page,
                settings.pageTimeout(),
                settings.quietMillis(),
                (url, text) ->
                    model.addFinding(
                        new Finding(
                            "console_error", redactor.redact(url), null, redactor.redact(text))));
        if (first && loginFlow != null) {
          login(settler);
          if (loggedIn) storageState = lease.context().storageState();
          loginDone.countDown();
        }
        CrawlTask task;
        while (!stopping && (task = model.take()) != null) {
          long taskStart = System.nanoTime();
          try {
            process(settler, task);
            log.debug(
                "event=task_done workflow_id={} url={} steps={} ms={}",
                request.workflowId(),
                redactor.redact(task.url()),
                task.steps().size(),
                (System.nanoTime() - taskStart) / 1_000_000);
          } catch (PlaywrightException e) {
            if (stopping || Thread.currentThread().isInterrupted()) break;
            log.warn(
                "event=crawl_task_failed workflow_id={} url={} error={}",
                request.workflowId(),
                redactor.redact(task.url()),
                redactor.redact(PageSettler.shortError(e)));
            if (settler.page().isClosed()) settler.renew();
          } finally {
            model.done(task);
          }
        }
      } catch (InterruptedException e) {
        // cancelled: fall through to close the context
      } catch (PlaywrightException e) {
        if (!stopping) throw e;
      } finally {
        if (first) loginDone.countDown(); // never leave the others waiting for a login
        Thread.interrupted(); // a pending interrupt would stop the close below
        if (lease != null) lease.close();
        pool.releaseThread();
        org.slf4j.MDC.remove("workflow_id");
      }
    }

    private ContextLease newContext() {
      Browser.NewContextOptions options =
          new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US");
      if (request.httpCredentials() != null)
        options.setHttpCredentials(
            new HttpCredentials(
                request.httpCredentials().username(), request.httpCredentials().password()));
      if (storageState != null) options.setStorageState(storageState);
      NavigationGuard guard =
          new NavigationGuard(
              policy,
              scope.origin(),
              model::addFinding,
              settings.maxDocumentBytes(),
              settings.pageTimeout());
      ContextLease lease = pool.acquireContext(guard, options);
      // links with target=_blank and window.open would pile up pages nobody looks at
      lease
          .context()
          .onPage(
              p -> {
                if (p.opener() != null) p.close();
              });
      return lease;
    }

    private void login(PageSettler settler) {
      PageSnapshot[] form = new PageSnapshot[1];
      LoginFlow.Result result =
          loginFlow.login(
              settler,
              snapshot -> {
                form[0] = snapshot;
                recordLoginPage(settler, snapshot);
              },
              settings.maxNodes(),
              MAX_CANDIDATES);
      if (form[0] != null) recordLogin(form[0], result);
      loginPageUrl = UrlScope.normalise(result.loginPageUrl());
      loggedIn = result.loggedIn();
      if (!result.loggedIn())
        model.addFinding(new Finding("login_failed", result.loginPageUrl(), null, result.reason()));
      log.info(
          "event=login workflow_id={} logged_in={} reason={}",
          request.workflowId(),
          result.loggedIn(),
          result.reason());
    }

    /** The login page as a state of its own, seen before anything was typed. */
    private void recordLoginPage(PageSettler settler, PageSnapshot snap) {
      String fp = StateFingerprint.of(snap.structure());
      String id = StateFingerprint.stateId(fp);
      String url = UrlScope.normalise(snap.url());
      if (url == null || !scope.sameOrigin(url)) return;
      CrawlTask at = new CrawlTask(url, List.of(), 0, null, null, 0, -1);
      StateInfo state = buildState(snap, fp, id, at, 200);
      model.visited(url, id);
      if (model.register(state, settings.maxInstancesPerTemplate(), null, null))
        screenshot(settler.page(), state);
    }

    /** The login form and the transition it made, with every typed value masked. */
    private void recordLogin(PageSnapshot snap, LoginFlow.Result result) {
      String id = StateFingerprint.stateId(StateFingerprint.of(snap.structure()));
      String landingId =
          StateFingerprint.stateId(StateFingerprint.of(result.landing().structure()));
      int n = 0;
      for (PageSnapshot.RawForm f : snap.forms()) {
        if (!f.visible()) continue;
        if (++n > settings.maxFormsPerState()) break;
        if (!"login".equals(FormProber.purpose(f))) continue;
        model.claimFormProbe(formSignature(f));
        PageSnapshot.RawElement submit = snap.element(f.submitIndex());
        ElementInfo submitInfo = submit == null ? null : elementInfo(id, submit);
        Map<String, String> masked = new LinkedHashMap<>();
        for (PageSnapshot.RawField field : f.fields())
          if (field.visible()) masked.put(field.name(), SecretRedactor.MASK);
        String resultUrl = result.loggedIn() ? UrlScope.normalise(result.landing().url()) : null;
        FormSubmission submission =
            new FormSubmission(
                FormProber.VALID,
                masked,
                resultUrl,
                !String.valueOf(resultUrl).equals(UrlScope.normalise(snap.url())),
                landingId,
                result.status(),
                List.of(),
                List.of());
        model.addForm(
            new FormInfo(
                formId(id, n),
                id,
                f.action(),
                f.method(),
                "login",
                fields(id, snap, f),
                submitInfo,
                result.loggedIn() ? List.of(submission) : List.of()));
        if (!result.loggedIn()) continue;
        String words = submit != null && !submit.words().isBlank() ? submit.words() : "log in";
        model.addTransition(
            new Transition(
                id,
                landingId,
                "submit",
                submitInfo == null ? null : submitInfo.elementId(),
                "submit '" + words + "' with the login credentials"));
      }
    }

    private void process(PageSettler settler, CrawlTask task) {
      if (!model.countPage()) return;
      model.currentUrl(task.url());
      Integer status = loadAndReplay(settler, task);
      if (status == null) return;
      PageSnapshot snap = PageSnapshot.take(settler.page(), settings.maxNodes(), MAX_CANDIDATES);
      if (loggedIn && LoginFlow.looksLoggedOut(snap) && !isLoginPage(task.url())) {
        model.addFinding(
            new Finding(
                "logged_out",
                redactor.redact(settler.page().url()),
                null,
                "login form shown mid-crawl; logging in again"));
        if (relogins.incrementAndGet() > MAX_RELOGINS || !loginFlow.login(settler).loggedIn())
          return;
        status = loadAndReplay(settler, task);
        if (status == null) return;
        snap = PageSnapshot.take(settler.page(), settings.maxNodes(), MAX_CANDIDATES);
      }
      String fp = StateFingerprint.of(snap.structure());
      String id = StateFingerprint.stateId(fp);
      if (task.steps().isEmpty()) {
        model.visited(task.url(), id);
        model.visited(UrlScope.normalise(settler.page().url()), id);
      }
      StateInfo state = buildState(snap, fp, id, task, status);
      boolean isNew =
          model.register(
              state, settings.maxInstancesPerTemplate(), task.fromStateId(), task.label());
      if (isNew) {
        screenshot(settler.page(), state);
        // the action's own words decide, not the page's (a "New task" heading is no new task)
        considerGoal(task.label(), task.fromStateId(), id, task.label(), status < 400);
      }
      followLinks(snap, id, task);
      if (!isNew) return;
      long stateDeadline = System.nanoTime() + settings.stateBudget().toNanos();
      if (snap.nodeCount() > settings.maxNodes()) {
        // every action on a page this size costs seconds: look, but try only a few
        model.addFinding(
            new Finding(
                "too_large",
                task.url(),
                status,
                snap.nodeCount() + " elements; snapshot and actions limited"));
        stateDeadline =
            Math.min(stateDeadline, System.nanoTime() + settings.stateBudget().toNanos() / 8);
      }
      tryActions(settler, snap, fp, id, task, stateDeadline);
      probeForms(settler, snap, fp, id, task, stateDeadline);
    }

    /** Loads the task's URL and replays its steps; the HTTP status, or null when it failed. */
    private Integer loadAndReplay(PageSettler settler, CrawlTask task) {
      PageSettler.Outcome loaded = settler.load(task.url());
      if (loaded.failed()) {
        recordLoadFailure(task.url(), loaded.error());
        return null;
      }
      int status = loaded.status() == null ? 200 : loaded.status();
      if (status >= 400 && task.steps().isEmpty()) {
        model.addFinding(new Finding("http_error", task.url(), status, "HTTP " + status));
        model.visited(task.url(), null);
        return null;
      }
      if (!scope.sameOrigin(settler.page().url())) return null;
      for (PathStep step : task.steps()) {
        PageSettler.Outcome out = settler.act(p -> perform(p, step));
        if (out.failed() && !out.navigated()) {
          log.info(
              "event=replay_failed workflow_id={} step={}",
              request.workflowId(),
              redactor.redact(step.label()));
          return null;
        }
        if (out.status() != null) status = out.status();
      }
      if (!scope.sameOrigin(settler.page().url())) return null;
      return status;
    }

    private void recordLoadFailure(String url, String error) {
      String e = error == null ? "" : error;
      if (e.contains("ERR_BLOCKED_BY_CLIENT")) return; // the guard recorded why
      if (e.contains("ERR_TIMED_OUT") || e.toLowerCase().contains("timeout"))
        model.addFinding(new Finding("timeout", url, null, "page did not load in time"));
      else if (e.contains("ERR_TOO_MANY_REDIRECTS"))
        model.addFinding(new Finding("redirect_loop", url, null, "too many redirects"));
      else model.addFinding(new Finding("http_error", url, null, redactor.redact(e)));
    }

    private boolean isLoginPage(String url) {
      return loginPageUrl != null && loginPageUrl.equals(UrlScope.normalise(url));
    }

    private void perform(Page page, PathStep step) {
      FormProber.fill(page, step.fills());
      switch (step.action()) {
        case "submit" -> FormProber.submit(page, step.formIndex(), step.css());
        case "press_enter" ->
            page.locator(step.css())
                .first()
                .press("Enter", new Locator.PressOptions().setTimeout(3000));
        default ->
            page.locator(step.css()).first().click(new Locator.ClickOptions().setTimeout(3000));
      }
    }

    // ---- a state and its elements

    private String elementId(String stateId, PageSnapshot.RawElement e) {
      return "E-"
          + StateFingerprint.sha256(
                  stateId + "|" + e.kind() + "|" + e.role() + "|" + e.name() + "|" + e.css())
              .substring(0, 8);
    }

    private ElementInfo elementInfo(String stateId, PageSnapshot.RawElement e) {
      return new ElementInfo(
          elementId(stateId, e),
          e.kind(),
          e.tag(),
          e.role(),
          e.name(),
          e.text(),
          e.href(),
          LocatorRanker.rank(e));
    }

    private StateInfo buildState(
        PageSnapshot snap, String fp, String id, CrawlTask task, int status) {
      List<ElementInfo> links = new ArrayList<>();
      List<ElementInfo> buttons = new ArrayList<>();
      List<ElementInfo> inputs = new ArrayList<>();
      int kept = 0;
      for (PageSnapshot.RawElement e : snap.elements()) {
        if (kept >= settings.maxElementsPerState()) break;
        kept++;
        ElementInfo info = elementInfo(id, e);
        switch (e.kind()) {
          case "link" -> links.add(info);
          case "input" -> inputs.add(info);
          default -> buttons.add(info);
        }
      }
      List<String> formIds = new ArrayList<>();
      int n = 0;
      for (PageSnapshot.RawForm f : snap.forms()) {
        if (!f.visible()) continue;
        if (++n > settings.maxFormsPerState()) break;
        formIds.add(formId(id, n));
      }
      String url = task.steps().isEmpty() ? UrlScope.normalise(snap.url()) : task.url();
      return new StateInfo(
          id,
          fp,
          url,
          snap.title(),
          task.depth(),
          task.steps().isEmpty() ? status : null,
          snap.headings(),
          links,
          buttons,
          inputs,
          formIds,
          List.of(url),
          settings.screenshots() ? screenshotRef(id) : null,
          task.steps().stream().map(PathStep::label).toList(),
          snap.accessibility());
    }

    private String formId(String stateId, int n) {
      return "F-" + stateId.substring(2) + "-" + n;
    }

    private String screenshotRef(String stateId) {
      return ArtifactPaths.runDir(request.workflowId()) + "/screenshots/" + stateId + ".png";
    }

    private void screenshot(Page page, StateInfo state) {
      if (!settings.screenshots() || artifacts == null) return;
      try {
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setTimeout(5000));
        artifacts.write(state.screenshotRef(), png);
      } catch (RuntimeException e) {
        log.info(
            "event=screenshot_failed workflow_id={} state_id={}",
            request.workflowId(),
            state.stateId());
      }
    }

    private static String headingText(PageSnapshot snap) {
      return snap.headings().stream().map(Heading::text).collect(Collectors.joining(" "));
    }

    // ---- links

    private void followLinks(PageSnapshot snap, String id, CrawlTask task) {
      for (PageSnapshot.RawElement e : snap.elements()) {
        if (!"link".equals(e.kind()) || e.href() == null) continue;
        String url = UrlScope.normalise(e.href());
        if (url == null || !scope.sameOrigin(url)) continue;
        String label = "click link '" + e.words() + "'";
        if (e.destructive() && !request.allowDestructive()) {
          model.addFinding(new Finding("skipped_destructive", url, null, label));
          continue;
        }
        model.addLinkEdge(new LinkEdge(id, url, elementId(id, e), label));
        if (task.depth() < request.maxDepth()) {
          model.offerUrl(url, task.depth() + 1, id, label, goal.score(e.words() + " " + url));
        }
      }
    }

    // ---- buttons, clickables, Enter

    private void tryActions(
        PageSettler settler,
        PageSnapshot snap,
        String fp,
        String id,
        CrawlTask task,
        long deadline) {
      List<PageSnapshot.RawElement> actions = new ArrayList<>();
      for (PageSnapshot.RawElement e : snap.elements()) {
        boolean clickable =
            ("button".equals(e.kind()) || "clickable".equals(e.kind())) && !e.submit();
        boolean enterInput =
            "input".equals(e.kind())
                && e.formIndex() < 0
                && isTextual(e.type())
                && !"select".equals(e.tag());
        if (clickable || enterInput) actions.add(e);
      }
      if (goal.active())
        actions.sort((a, b) -> Double.compare(goal.score(b.words()), goal.score(a.words())));
      Map<String, String> looseFills = looseInputFills(snap);
      int tried = 0;
      for (PageSnapshot.RawElement e : actions) {
        if (tried >= settings.maxActionsPerState() || System.nanoTime() > deadline || stopping)
          break;
        if (e.destructive() && !request.allowDestructive()) {
          model.addFinding(
              new Finding("skipped_destructive", task.url(), null, "click '" + e.words() + "'"));
          continue;
        }
        tried++;
        PathStep step =
            "input".equals(e.kind())
                ? new PathStep(
                    "press_enter",
                    e.css(),
                    null,
                    null,
                    Map.of(e.css(), looseFills.getOrDefault(e.css(), "TestGen sample")),
                    "press Enter in '" + e.words() + "'")
                : new PathStep(
                    "click", e.css(), null, null, looseFills, "click '" + e.words() + "'");
        PageSettler.Outcome out = settler.act(p -> perform(p, step));
        model.countAction();
        if (out.failed() && !out.navigated()) continue;
        PageSnapshot after = null;
        if (scope.sameOrigin(settler.page().url()))
          after = PageSnapshot.takeLight(settler.page(), settings.maxNodes());
        boolean changed =
            after == null || out.navigated() || !StateFingerprint.of(after.structure()).equals(fp);
        if (after != null && changed)
          discover(task, id, elementId(id, e), step, out, after, out.reachableByUrl(), true);
        if (changed && !restore(settler, task)) break;
      }
    }

    private static boolean isTextual(String type) {
      return type == null
          || type.isEmpty()
          || List.of("text", "search", "email", "url", "tel", "number").contains(type);
    }

    /** Synthetic values for visible inputs outside forms ("add" controls read them). */
    private Map<String, String> looseInputFills(PageSnapshot snap) {
      Map<String, String> fills = new LinkedHashMap<>();
      for (PageSnapshot.RawElement e : snap.elements()) {
        if (!"input".equals(e.kind())
            || e.formIndex() >= 0
            || !isTextual(e.type())
            || "select".equals(e.tag())) continue;
        PageSnapshot.RawField f =
            new PageSnapshot.RawField(
                e.name(),
                e.type() == null || e.type().isEmpty() ? "text" : e.type(),
                e.label(),
                false,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                e.index(),
                true,
                e.hintText());
        String v = SyntheticValues.validValue(f, "test");
        if (v != null) fills.put(e.css(), v);
      }
      return fills;
    }

    /**
     * Records where an action led and queues the new state for exploration; returns its id. A
     * document load reachable by URL is queued as a URL, anything else as a replay of the steps.
     */
    private String discover(
        CrawlTask task,
        String fromId,
        String elementId,
        PathStep step,
        PageSettler.Outcome out,
        PageSnapshot after,
        boolean reachableByUrl,
        boolean success) {
      if (out.status() != null && out.status() >= 500) {
        model.addFinding(
            new Finding("http_error", after.url(), out.status(), "after " + step.label()));
        return null;
      }
      if (!scope.sameOrigin(after.url())) return null; // blocked or off-origin: the guard said why
      String fp2 = StateFingerprint.of(after.structure());
      String id2 = StateFingerprint.stateId(fp2);
      model.addTransition(new Transition(fromId, id2, step.action(), elementId, step.label()));
      boolean realNavigation = out.status() != null;
      if (realNavigation && !id2.equals(fromId))
        model.addTransition(new Transition(id2, fromId, "back", null, "go back"));
      double score = goal.score(step.label());
      boolean depthOk = task.depth() < request.maxDepth() + 1;
      if (depthOk && model.claim(fp2)) {
        String url = UrlScope.normalise(after.url());
        boolean queued =
            realNavigation
                && reachableByUrl
                && scope.sameOrigin(url)
                && model.offerUrl(url, task.depth() + 1, fromId, step.label(), score);
        if (!queued) {
          List<PathStep> steps = new ArrayList<>(task.steps());
          steps.add(step);
          model.offerSteps(
              task.url(), List.copyOf(steps), task.depth() + 1, fromId, step.label(), score);
        }
      }
      boolean ok = success && (out.status() == null || out.status() < 400);
      considerGoal(step.label(), fromId, id2, step.label(), ok);
      return id2;
    }

    private boolean restore(PageSettler settler, CrawlTask task) {
      return loadAndReplay(settler, task) != null;
    }

    // ---- forms

    private void probeForms(
        PageSettler settler,
        PageSnapshot snap,
        String fp,
        String id,
        CrawlTask task,
        long deadline) {
      PathStep last = task.steps().isEmpty() ? null : task.steps().get(task.steps().size() - 1);
      Set<String> lastFormFields =
          last != null && "submit".equals(last.action()) && last.fills() != null
              ? last.fills().keySet()
              : Set.of();
      String hint = searchHint(snap);
      int n = 0;
      for (PageSnapshot.RawForm f : snap.forms()) {
        if (!f.visible()) continue;
        if (++n > settings.maxFormsPerState()) break;
        String formId = formId(id, n);
        String purpose = FormProber.purpose(f);
        List<FieldInfo> fields = fields(id, snap, f);
        PageSnapshot.RawElement submit = snap.element(f.submitIndex());
        ElementInfo submitInfo = submit == null ? null : elementInfo(id, submit);
        String formWords = submit != null && !submit.words().isBlank() ? submit.words() : purpose;
        List<FormSubmission> submissions = new ArrayList<>();
        boolean destructive = submit != null && submit.destructive();
        if (destructive && !request.allowDestructive()) {
          model.addFinding(
              new Finding("skipped_destructive", task.url(), null, "submit '" + formWords + "'"));
        } else if (!sameForm(snap, f, lastFormFields) && model.claimFormProbe(formSignature(f))) {
          List<String> kinds = new ArrayList<>();
          if (!("login".equals(purpose) && loginFlow != null)) kinds.add(FormProber.VALID);
          if (f.fields().stream().anyMatch(x -> x.required() && x.visible()))
            kinds.add(FormProber.EMPTY_REQUIRED);
          for (String kind : kinds) {
            if (System.nanoTime() > deadline || stopping) break;
            FormProber.Plan plan = FormProber.plan(snap, f, kind, hint);
            String label =
                "submit '"
                    + formWords
                    + "'"
                    + (FormProber.EMPTY_REQUIRED.equals(kind) ? " with required fields empty" : "");
            PathStep step =
                new PathStep(
                    "submit",
                    submit == null ? null : submit.css(),
                    f.index(),
                    kind,
                    plan.fills(),
                    label);
            FormProber.Probe probe =
                FormProber.probe(
                    settler, snap, f, step, plan.shown(), settings.maxNodes(), MAX_CANDIDATES);
            model.countAction();
            FormSubmission s = probe.submission();
            String resultId = null;
            boolean changed =
                probe.after() == null
                    || probe.outcome().navigated()
                    || !StateFingerprint.of(probe.after().structure()).equals(fp);
            if (probe.after() != null && changed) {
              boolean success = FormProber.VALID.equals(kind) && s.validationMessages().isEmpty();
              String words = label + " " + purpose + " " + String.join(" ", plan.shown().values());
              resultId =
                  discover(
                      task,
                      id,
                      submitInfo == null ? null : submitInfo.elementId(),
                      new PathStep(
                          step.action(),
                          step.css(),
                          step.formIndex(),
                          kind,
                          step.fills(),
                          words.length() > 160 ? label : label),
                      probe.outcome(),
                      probe.after(),
                      probe.outcome().reachableByUrl(),
                      success);
              if (success && resultId != null)
                considerGoal(
                    words, id, resultId, label, s.httpStatus() == null || s.httpStatus() < 400);
            }
            submissions.add(
                new FormSubmission(
                    s.kind(),
                    s.values(),
                    UrlScope.normalise(s.resultUrl()),
                    s.urlChanged(),
                    resultId,
                    s.httpStatus(),
                    s.validationMessages(),
                    s.newTexts()));
            if (changed && !restore(settler, task)) break;
          }
        }
        model.addForm(
            new FormInfo(
                formId,
                id,
                f.action(),
                f.method(),
                purpose,
                List.copyOf(fields),
                submitInfo,
                List.copyOf(submissions)));
      }
    }

    private List<FieldInfo> fields(String id, PageSnapshot snap, PageSnapshot.RawForm f) {
      List<FieldInfo> fields = new ArrayList<>();
      for (PageSnapshot.RawField field : f.fields()) {
        PageSnapshot.RawElement e = snap.element(field.elementIndex());
        fields.add(
            new FieldInfo(
                e == null ? null : elementId(id, e),
                field.name(),
                field.type(),
                field.label(),
                field.required(),
                field.pattern(),
                field.min(),
                field.max(),
                field.minLength(),
                field.maxLength(),
                field.options(),
                e == null ? List.of() : LocatorRanker.rank(e)));
      }
      return List.copyOf(fields);
    }

    private static String formSignature(PageSnapshot.RawForm f) {
      return f.method()
          + " "
          + UrlScope.normalise(f.action())
          + " "
          + f.fields().stream().map(PageSnapshot.RawField::name).collect(Collectors.joining(","));
    }

    /** Whether {@code f} is the form whose submission produced this state (its error page). */
    private boolean sameForm(PageSnapshot snap, PageSnapshot.RawForm f, Set<String> lastFields) {
      if (lastFields.isEmpty()) return false;
      Set<String> fields = new HashSet<>();
      for (PageSnapshot.RawField field : f.fields()) {
        PageSnapshot.RawElement e = snap.element(field.elementIndex());
        if (e != null) fields.add(e.css());
      }
      for (String key : lastFields)
        if (fields.contains(key.replaceFirst("^(select|check):", ""))) return true;
      return false;
    }

    private String searchHint(PageSnapshot snap) {
      String hintText =
          snap.elements().stream()
              .filter(
                  e -> "input".equals(e.kind()) && e.hintText() != null && !e.hintText().isBlank())
              .map(PageSnapshot.RawElement::hintText)
              .filter(p -> p.toLowerCase().startsWith("e.g") || p.toLowerCase().startsWith("try"))
              .findFirst()
              .orElse(null);
      List<String> words = new ArrayList<>();
      snap.elements().stream()
          .filter(e -> "link".equals(e.kind()))
          .forEach(e -> words.add(e.words()));
      return SyntheticValues.searchHint(hintText, words);
    }

    // ---- goal

    private void considerGoal(
        String words, String fromId, String toId, String label, boolean success) {
      if (!goal.active() || !success || label == null) return;
      if (!goal.fulfils(words)) return;
      List<String> flow = new ArrayList<>(fromId == null ? List.of() : model.flowTo(fromId));
      flow.add(label);
      model.offerGoal(
          new GoalOutcome(
              goal.instruction(), true, List.copyOf(flow), toId, "reached by " + label));
    }

    // ---- result

    private ObservationResult result() {
      List<StateInfo> states = model.states();
      Set<String> ids = new HashSet<>();
      states.forEach(s -> ids.add(s.stateId()));
      List<Transition> transitions =
          model.transitions().stream()
              .filter(t -> ids.contains(t.fromStateId()) && ids.contains(t.toStateId()))
              .toList();
      List<FormInfo> forms = model.forms();
      List<Finding> findings = model.findings();
      GoalOutcome outcome = null;
      if (goal.active()) {
        outcome = model.goal();
        if (outcome == null || !ids.contains(outcome.goalStateId()))
          outcome =
              new GoalOutcome(
                  goal.instruction(),
                  false,
                  List.of(),
                  null,
                  "no link, button or form matching the instruction led to a new state within "
                      + request.maxPages()
                      + " pages and depth "
                      + request.maxDepth());
      }
      CrawlStats stats =
          new CrawlStats(
              model.pagesVisited(),
              states.size(),
              forms.size(),
              model.actionsTried(),
              transitions.size(),
              findings.size(),
              elapsedMillis(),
              resumedStates);
      ObservationResult result =
          new ObservationResult(
              request.url(),
              model.startStateId(),
              states,
              transitions,
              forms,
              findings,
              outcome,
              loggedIn,
              stats);
      return redactor.redact(result, ObservationResult.class);
    }
  }
}
