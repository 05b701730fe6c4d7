package io.testgen.gateway.security;

import java.net.URI;

/**
 * Decides whether a run may target a URL (the gateway's half of the SSRF rule; the worker checks
 * every browser request again, redirects included).
 */
public interface TargetGuard {
  TargetDecision check(URI url);

  /**
   * @param allowed whether runs may target the URL
   * @param reason why not (safe to show: names the address class, not internal details)
   */
  record TargetDecision(boolean allowed, String reason) {
    public static TargetDecision allow() {
      return new TargetDecision(true, null);
    }

    public static TargetDecision refuse(String reason) {
      return new TargetDecision(false, reason);
    }
  }
}
