package io.testgen.common.security;

/**
 * Login credentials for the target app. {@code username} may be a user name or an e-mail address.
 * The password never appears in {@link #toString()}; in Temporal payloads the whole record is
 * protected by the payload codec (see {@code AesGcmPayloadCodec}).
 */
public record LoginCredentials(String username, String password, String loginUrl) {
  @Override
  public String toString() {
    return "LoginCredentials[username=***, password=***, loginUrl=" + loginUrl + "]";
  }
}
