package io.testgen.gateway.security;

import io.testgen.gateway.config.SecurityProperties;
import io.testgen.gateway.errors.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed tokens that let a browser's EventSource (which cannot send headers) open one
 * run's stream: {@code base64url(user).base64url(workflowId).expiryEpochSeconds.base64url(hmac)},
 * HMAC-SHA256 over {@code user|workflowId|expiry}. The secret comes from {@code
 * TESTGEN_STREAM_TOKEN_SECRET}; when absent a random one is made per process, so tokens then only
 * work on the instance that issued them (several instances need the shared secret).
 */
@Component
public class StreamTokens {
  private static final Logger log = LoggerFactory.getLogger(StreamTokens.class);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] secret;
  private final Duration ttl;
  private final Clock clock;

  @Autowired
  public StreamTokens(SecurityProperties properties) {
    this(properties.streamTokenSecret(), properties.streamTokenTtl(), Clock.systemUTC());
  }

  StreamTokens(String configuredSecret, Duration ttl, Clock clock) {
    if (configuredSecret == null || configuredSecret.isBlank()) {
      this.secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      log.info(
          "event=stream_token_secret source=generated note=tokens_valid_on_this_instance_only");
    } else {
      this.secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token for one user and run. */
  public IssuedToken issue(String user, String workflowId) {
    return issue(user, workflowId, clock.instant().plus(ttl));
  }

  /** A token with an explicit expiry (tests use a past one). */
  public IssuedToken issue(String user, String workflowId, Instant expiresAt) {
    long expiry = expiresAt.getEpochSecond();
    String body =
        B64.encodeToString(user.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(workflowId.getBytes(StandardCharsets.UTF_8))
            + "."
            + expiry;
    return new IssuedToken(
        body + "." + B64.encodeToString(mac(user, workflowId, expiry)),
        Instant.ofEpochSecond(expiry));
  }

  /**
   * The caller a token authenticates, if it is well-formed, correctly signed, unexpired and issued
   * for {@code workflowId}.
   */
  public Caller verify(String token, String workflowId) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 4) throw new UnauthorizedException("invalid stream token");
    String user;
    String tokenWorkflowId;
    long expiry;
    byte[] signature;
    try {
      user = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
      tokenWorkflowId = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
      expiry = Long.parseLong(parts[2]);
      signature = B64D.decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new UnauthorizedException("invalid stream token");
    }
    if (!MessageDigest.isEqual(signature, mac(user, tokenWorkflowId, expiry))) {
      throw new UnauthorizedException("invalid stream token");
    }
    if (!tokenWorkflowId.equals(workflowId)) {
      throw new UnauthorizedException("stream token was issued for another run");
    }
    if (clock.instant().getEpochSecond() >= expiry) {
      throw new UnauthorizedException("TOKEN_EXPIRED", "stream token expired");
    }
    return new Caller(user, true, tokenWorkflowId);
  }

  private byte[] mac(String user, String workflowId, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal((user + "|" + workflowId + "|" + expiry).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token and when it stops working. */
  public record IssuedToken(String token, Instant expiresAt) {}
}
