package io.testgen.worker.workflow;

import io.temporal.failure.ApplicationFailure;
import io.testgen.common.agents.analysis.AnalysisResult;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.RequirementsResult;
import io.testgen.common.workflow.PipelineInputs;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the earlier stages' results a partial run carries inline ({@code POST /api/v2/evolution}
 * and the other stage endpoints) as strictly as a new run's URL: every URL a later agent may open
 * lies on the run's origin and is spelt so that a browser reads it the same way, and every list is
 * bounded. A client can write these results by hand, so they are input, not our own output.
 * Deterministic: no DNS, no clock (the activities check hosts against the target policy).
 */
final class StageInputsValidator {
  static final int MAX_STATES = 2_000;
  static final int MAX_URLS_PER_STATE = 50;
  static final int MAX_ELEMENTS_PER_STATE = 1_000;
  static final int MAX_TRANSITIONS = 20_000;
  static final int MAX_FORMS = 1_000;
  static final int MAX_FINDINGS = 10_000;
  static final int MAX_SCENARIOS = 2_000;
  static final int MAX_ASSESSMENTS = 2_000;
  static final int MAX_URL_LENGTH = 8_192;

  /** A path a browser reads as a path: one leading slash, no backslash, whitespace or control. */
  private static final Pattern PLAIN_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s\\p{Cntrl}]*|");

  private StageInputsValidator() {}

  static void validate(String runUrl, PipelineInputs inputs) {
    if (inputs == null) return;
    String origin = origin(runUrl);
    if (inputs.observation() != null) observation(origin, inputs.observation());
    RequirementsResult requirements = inputs.requirements();
    if (requirements != null)
      bounded("requirements.scenarios", requirements.scenarios(), MAX_SCENARIOS);
    AnalysisResult analysis = inputs.analysis();
    if (analysis != null) {
      bounded("analysis.assessments", analysis.assessments(), MAX_ASSESSMENTS);
      bounded("analysis.ranking", analysis.ranking(), MAX_ASSESSMENTS);
    }
  }

  private static void observation(String origin, ObservationResult observation) {
    if (observation.targetUrl() != null)
      onOrigin("observation.target_url", observation.targetUrl(), origin);
    bounded("observation.states", observation.states(), MAX_STATES);
    bounded("observation.transitions", observation.transitions(), MAX_TRANSITIONS);
    bounded("observation.forms", observation.forms(), MAX_FORMS);
    bounded("observation.findings", observation.findings(), MAX_FINDINGS);
    if (observation.states() == null) return;
    for (int i = 0; i < observation.states().size(); i++) {
      StateInfo state = observation.states().get(i);
      String where = "observation.states[" + i + "]";
      if (state == null) invalid(where + " is null");
      if (state.url() != null) onOrigin(where + ".url", state.url(), origin);
      bounded(where + ".instance_urls", state.instanceUrls(), MAX_URLS_PER_STATE);
      if (state.instanceUrls() != null)
        for (String url : state.instanceUrls()) onOrigin(where + ".instance_urls", url, origin);
      bounded(where + ".path", state.path(), MAX_URLS_PER_STATE);
      bounded(where + ".links", state.links(), MAX_ELEMENTS_PER_STATE);
      bounded(where + ".buttons", state.buttons(), MAX_ELEMENTS_PER_STATE);
      bounded(where + ".inputs", state.inputs(), MAX_ELEMENTS_PER_STATE);
    }
    if (observation.forms() == null) return;
    for (int i = 0; i < observation.forms().size(); i++) {
      FormInfo form = observation.forms().get(i);
      if (form == null) invalid("observation.forms[" + i + "] is null");
      bounded("observation.forms[" + i + "].fields", form.fields(), MAX_ELEMENTS_PER_STATE);
      bounded("observation.forms[" + i + "].submissions", form.submissions(), MAX_URLS_PER_STATE);
    }
  }

  /** {@code scheme://host[:port]} of the run's URL, lower case, default port dropped. */
  static String origin(String url) {
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port == ("https".equals(scheme) ? 443 : 80)) port = -1;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    } catch (RuntimeException e) {
      throw ApplicationFailure.newNonRetryableFailure("url is malformed: " + url, "InvalidTarget");
    }
  }

  private static void onOrigin(String field, String url, String origin) {
    if (url == null || url.length() > MAX_URL_LENGTH) invalid(field + " is missing or too long");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw target(field + " is not a URL a browser reads the same way: " + shown(url));
    }
    if (uri.getScheme() == null
        || uri.getRawAuthority() == null
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || !PLAIN_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath()).matches())
      throw target(field + " is not a URL a browser reads the same way: " + shown(url));
    if (!origin.equals(origin(url)))
      throw target(field + " is not on the run's origin " + origin + ": " + shown(url));
  }

  private static void bounded(String field, List<?> list, int max) {
    if (list != null && list.size() > max)
      invalid(field + " has " + list.size() + " entries, at most " + max + " are accepted");
  }

  private static String shown(String url) {
    String s = url.length() > 200 ? url.substring(0, 200) + "…" : url;
    return s.replaceAll("\\p{Cntrl}", "?");
  }

  private static ApplicationFailure target(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, "InvalidTarget");
  }

  private static void invalid(String message) {
    throw ApplicationFailure.newNonRetryableFailure(message, "InvalidRequest");
  }
}
