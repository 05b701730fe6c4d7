package io.testgen.gateway.errors;

import org.springframework.http.HttpStatus;

/** 503: a backing service (Temporal, Redis) is not reachable; try again later. */
public class UnavailableException extends GatewayException {
  public UnavailableException(String code, String message) {
    super(HttpStatus.SERVICE_UNAVAILABLE, code, message, null);
  }
}
