package io.testgen.common.security;

/** HTTP basic credentials for the target. Never printed. */
public record HttpCredentials(String username, String password) {
  @Override
  public String toString() {
    return "HttpCredentials[***]";
  }
}
