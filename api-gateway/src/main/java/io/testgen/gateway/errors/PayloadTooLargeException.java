package io.testgen.gateway.errors;

import org.springframework.http.HttpStatus;

/** 413 {@code PAYLOAD_TOO_LARGE}. */
public class PayloadTooLargeException extends GatewayException {
  public PayloadTooLargeException(long limit) {
    super(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "request body exceeds " + limit + " bytes",
        null);
  }
}
