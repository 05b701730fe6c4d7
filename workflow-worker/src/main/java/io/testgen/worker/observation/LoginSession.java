package io.testgen.worker.observation;

import com.microsoft.playwright.BrowserContext;
import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.FormSubmission;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl's signed-in session: the first crawl thread logs in (recording the login page and form
 * with every typed value masked) while the others wait, then share its storage state; a page that
 * shows the login form again mid-crawl triggers a bounded re-login.
 */
final class LoginSession {
  private static final Logger log = LoggerFactory.getLogger(LoginSession.class);
  private static final int MAX_RELOGINS = 3;

  private final CrawlContext ctx;
  private final StateRecorder recorder;
  private final LoginFlow flow;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicInteger relogins = new AtomicInteger();
  private volatile String storageState;
  private volatile boolean loggedIn;
  private volatile String loginPageUrl;

  LoginSession(CrawlContext ctx, StateRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.flow =
        ctx.request().loginCredentials() == null
            ? null
            : new LoginFlow(ctx.request().loginCredentials(), ctx.request().url());
    if (flow == null) done.countDown();
  }

  boolean enabled() {
    return flow != null;
  }

  boolean loggedIn() {
    return loggedIn;
  }

  /** Storage state of the signed-in session, for the other threads' contexts (or null). */
  String storageState() {
    return storageState;
  }

  void awaitLogin() throws InterruptedException {
    done.await();
  }

  /** Lets the waiting threads go, logged in or not (idempotent). */
  void release() {
    done.countDown();
  }

  /** Logs in on the first thread's page, then releases the others. */
  void loginFirst(PageSettler settler, BrowserContext context, Replayer replayer) {
    try {
      if (flow == null) return;
      login(settler);
      if (loggedIn) {
        storageState = context.storageState();
        replayer.captureBaseline(settler.page());
      }
    } finally {
      release();
    }
  }

  /** Whether a page reached mid-crawl shows the login form although the session was signed in. */
  boolean loggedOut(PageSnapshot snap, String url) {
    return loggedIn
        && LoginFlow.looksLoggedOut(snap)
        && !(loginPageUrl != null && loginPageUrl.equals(UrlScope.normalise(url)));
  }

  /** Logs in again after {@link #loggedOut}; false when it failed or too many were needed. */
  boolean relogin(PageSettler settler, String url) {
    ctx.finding("logged_out", url, null, "login form shown mid-crawl; logging in again");
    return relogins.incrementAndGet() <= MAX_RELOGINS && flow.login(settler).loggedIn();
  }

  private void login(PageSettler settler) {
    PageSnapshot[] form = new PageSnapshot[1];
    LoginFlow.Result result =
        flow.login(
            settler,
            snapshot -> {
              form[0] = snapshot;
              recordLoginPage(settler, snapshot);
            },
            ctx.settings().maxNodes(),
            CrawlContext.MAX_CANDIDATES);
    if (form[0] != null) recordLogin(form[0], result);
    loginPageUrl = UrlScope.normalise(result.loginPageUrl());
    loggedIn = result.loggedIn();
    if (!result.loggedIn())
      ctx.finding("login_failed", result.loginPageUrl(), null, result.reason());
    log.info(
        "event=login workflow_id={} logged_in={} reason={}",
        ctx.workflowId(),
        result.loggedIn(),
        result.reason());
  }

  /** The login page as a state of its own, seen before anything was typed. */
  private void recordLoginPage(PageSettler settler, PageSnapshot snap) {
    String fp = StateFingerprint.of(snap.structure());
    String id = StateFingerprint.stateId(fp);
    String url = UrlScope.normalise(snap.url());
    if (url == null || !ctx.scope().sameOrigin(url)) return;
    CrawlTask at = new CrawlTask(url, List.of(), 0, null, null, 0, -1);
    StateInfo state = recorder.buildState(snap, fp, id, at, 200);
    ctx.model().visited(url, id);
    if (ctx.model().register(state, ctx.settings().maxInstancesPerTemplate(), null, null))
      recorder.screenshot(settler.page(), state);
  }

  /** The login form and the transition it made, with every typed value masked. */
  private void recordLogin(PageSnapshot snap, LoginFlow.Result result) {
    String id = StateFingerprint.stateId(StateFingerprint.of(snap.structure()));
    String landingId =
        result.landing() == null
            ? null
            : StateFingerprint.stateId(StateFingerprint.of(result.landing().structure()));
    int n = 0;
    for (PageSnapshot.RawForm f : snap.forms()) {
      if (!f.visible()) continue;
      if (++n > ctx.settings().maxFormsPerState()) break;
      if (!"login".equals(FormProber.purpose(f))) continue;
      ctx.model().claimFormProbe(StateRecorder.signature(f));
      PageSnapshot.RawElement submit = snap.element(f.submitIndex());
      ElementInfo submitInfo = submit == null ? null : StateRecorder.elementInfo(id, submit);
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
      ctx.model()
          .addForm(
              new FormInfo(
                  recorder.formId(id, f, n),
                  id,
                  f.action(),
                  f.method(),
                  "login",
                  recorder.fields(id, snap, f),
                  submitInfo,
                  result.loggedIn() ? List.of(submission) : List.of()));
      if (!result.loggedIn()) continue;
      String words = submit != null && !submit.words().isBlank() ? submit.words() : "log in";
      ctx.model()
          .addTransition(
              new Transition(
                  id,
                  landingId,
                  "submit",
                  submitInfo == null ? null : submitInfo.elementId(),
                  "submit '" + words + "' with the login credentials"));
    }
  }
}
