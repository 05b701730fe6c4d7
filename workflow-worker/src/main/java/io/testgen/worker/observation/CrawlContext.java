package io.testgen.worker.observation;

import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.ObservationRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every part of one crawl shares: the request, its bounds, the model being built, the rules
 * for secrets and writes, and whether the crawl is stopping.
 */
record CrawlContext(
    ObservationRequest request,
    CrawlSettings settings,
    UrlScope scope,
    CrawlModel model,
    GoalMatcher goal,
    SecretRedactor redactor,
    FormPolicy forms,
    AtomicBoolean stop) {
  static final int MAX_CANDIDATES = 400;

  static CrawlContext of(ObservationRequest request, CrawlSettings settings) {
    return new CrawlContext(
        request,
        settings,
        new UrlScope(request.url()),
        new CrawlModel(Math.max(1, request.maxPages()), settings.maxUrlsPerPattern()),
        new GoalMatcher(request.userInstruction()),
        new SecretRedactor(request.loginCredentials(), request.httpCredentials()),
        new FormPolicy(request.allowDestructive(), !Boolean.FALSE.equals(request.allowWrites())),
        new AtomicBoolean());
  }

  boolean stopping() {
    return stop.get();
  }

  String workflowId() {
    return request.workflowId();
  }

  /** Records a finding with its URL and detail redacted. */
  void finding(String kind, String url, Integer status, String detail) {
    model.addFinding(new Finding(kind, redactor.redact(url), status, redactor.redact(detail)));
  }
}
