package io.testgen.gateway.runs;

import io.testgen.common.security.HttpCredentials;
import io.testgen.common.security.LoginCredentials;
import io.testgen.gateway.errors.InvalidRequestException;
import io.testgen.gateway.security.TargetGuard;
import io.testgen.gateway.security.TargetGuard.TargetDecision;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The checks bean validation cannot express: the target URL (shape, scheme, SSRF rule), scenario
 * types, credentials and identifiers. Each failure names its field and a stable code.
 */
@Component
class RunRequestValidator {
  static final Set<String> SCENARIO_TYPES =
      Set.of(
          "functional",
          "navigation",
          "form_validation",
          "negative",
          "accessibility",
          "security",
          "edge");

  /** Workflow ids TestGen makes, and what a client may name in a path. */
  static final Pattern WORKFLOW_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,254}");

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final TargetGuard targetGuard;

  RunRequestValidator(TargetGuard targetGuard) {
    this.targetGuard = targetGuard;
  }

  /** Checks and normalises a target URL; refuses forbidden targets with TARGET_NOT_ALLOWED. */
  String targetUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException("INVALID_URL", "url is required", "url");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("INVALID_URL", "url is not a valid URL", "url");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidRequestException("INVALID_URL", "url must use http or https", "url");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidRequestException("INVALID_URL", "url must name a host", "url");
    }
    if (uri.getPort() > 65535) {
      throw new InvalidRequestException("INVALID_URL", "url has a port above 65535", "url");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidRequestException(
          "INVALID_URL", "url must not carry credentials; use http_credentials", "url");
    }
    if (url.length() > 2048) {
      throw new InvalidRequestException("INVALID_URL", "url is longer than 2048 chars", "url");
    }
    TargetDecision decision = targetGuard.check(uri);
    if (!decision.allowed()) {
      throw new InvalidRequestException(
          "TARGET_NOT_ALLOWED",
          decision.reason() + "; an operator may allow it with TESTGEN_ALLOWED_TARGETS",
          "url");
    }
    return uri.toString();
  }

  void scenarioTypes(List<String> types) {
    if (types == null) return;
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      if (type == null || !SCENARIO_TYPES.contains(type)) {
        throw InvalidRequestException.field(
            "scenario_types",
            "unknown scenario type '"
                + String.valueOf(type).replaceAll("[^A-Za-z0-9_-]", "?")
                + "'; known: "
                + String.join(", ", SCENARIO_TYPES.stream().sorted().toList()));
      }
    }
  }

  void credentials(LoginCredentials login, HttpCredentials http) {
    if (login != null) {
      if (blank(login.username())) {
        throw InvalidRequestException.field("login_credentials.username", "required");
      }
      if (blank(login.password())) {
        throw InvalidRequestException.field("login_credentials.password", "required");
      }
      if (login.loginUrl() != null && !login.loginUrl().isBlank()) {
        try {
          URI uri = new URI(login.loginUrl());
          String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
          if (!scheme.equals("http") && !scheme.equals("https") || uri.getPort() > 65535)
            throw new URISyntaxException("", "");
        } catch (URISyntaxException e) {
          throw InvalidRequestException.field(
              "login_credentials.login_url", "must be an http or https URL");
        }
      }
    }
    if (http != null && (blank(http.username()) || http.password() == null)) {
      throw InvalidRequestException.field("http_credentials", "username and password required");
    }
  }

  static boolean validWorkflowId(String id) {
    return id != null && WORKFLOW_ID.matcher(id).matches();
  }

  static void idempotencyKey(String key) {
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw InvalidRequestException.field(
          "Idempotency-Key", "must be 1-200 printable ASCII characters without spaces");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
