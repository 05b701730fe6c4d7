package io.testgen.gateway.errors;

import org.springframework.http.HttpStatus;

/** 409: the run is not in a state that allows this (ALREADY_CLOSED, NOT_AWAITING_REVIEW ...). */
public class ConflictException extends GatewayException {
  public ConflictException(String code, String message) {
    super(HttpStatus.CONFLICT, code, message, null);
  }
}
