package io.testgen.gateway.errors;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of every error the gateway answers on purpose: an HTTP status, a stable {@code code}, a
 * message safe to show (no internals), and optionally the offending field. Mapped once to
 * problem+json by {@link ProblemResponses}.
 */
public abstract class GatewayException extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final String field;

  protected GatewayException(HttpStatus status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** Field errors to list, by default the one field. */
  public List<FieldError> errors() {
    return field == null ? List.of() : List.of(new FieldError(field, getMessage()));
  }

  /** Extra response headers (e.g. Retry-After). */
  public Map<String, String> headers() {
    return Map.of();
  }

  /** One invalid field: snake_case name as on the wire and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
