package io.testgen.gateway.errors;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 503: a backing service (Temporal, Redis) is not reachable; try again after Retry-After. */
public class UnavailableException extends GatewayException {
  /** What a client is told to wait when the caller names no better figure. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private final Duration retryAfter;

  public UnavailableException(String code, String message) {
    this(code, message, DEFAULT_RETRY_AFTER);
  }

  public UnavailableException(String code, String message, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, code, message, null);
    this.retryAfter = retryAfter;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
  }
}
