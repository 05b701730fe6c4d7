package io.testgen.gateway.errors;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 {@code QUOTA_EXCEEDED} with Retry-After. */
public class QuotaExceededException extends GatewayException {
  private final Duration retryAfter;

  public QuotaExceededException(String message, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, "QUOTA_EXCEEDED", message, null);
    this.retryAfter = retryAfter;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
  }
}
