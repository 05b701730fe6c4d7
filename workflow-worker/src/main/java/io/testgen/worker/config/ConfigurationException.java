package io.testgen.worker.config;

/** A configuration value the worker cannot use; the message names the variable. */
public final class ConfigurationException extends IllegalArgumentException {
  public ConfigurationException(String message) {
    super(message);
  }
}
