package io.testgen.gateway.errors;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 401 {@code UNAUTHORIZED}: no, an unknown, or an expired credential. */
public class UnauthorizedException extends GatewayException {
  public UnauthorizedException(String message) {
    this("UNAUTHORIZED", message);
  }

  /** With a more precise code, e.g. {@code TOKEN_EXPIRED}. */
  public UnauthorizedException(String code, String message) {
    super(HttpStatus.UNAUTHORIZED, code, message, null);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("WWW-Authenticate", "Bearer");
  }
}
