package io.testgen.gateway.security;

import io.testgen.common.security.TargetPolicy;
import io.testgen.gateway.config.SecurityProperties;
import java.net.URI;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The gateway's side of the one SSRF rule, {@link TargetPolicy} from {@code
 * TESTGEN_ALLOWED_TARGETS} (the worker applies the same policy to every browser request). The
 * client is told the class of address refused, never the address a name resolved to. A host that
 * does not resolve is let through: the worker fails the run as unreachable.
 */
@Component
class TargetPolicyGuard implements TargetGuard {
  private static final Map<String, String> REASONS =
      Map.of(
          "loopback", "target is loopback",
          "private", "target is a private address",
          "link-local", "target is link-local",
          "multicast", "target is a multicast address",
          "unspecified", "target is an unspecified address",
          "cloud metadata", "target is a cloud metadata address",
          "special-purpose", "target is a special-purpose address (IANA registry)",
          "non-canonical numeric", "target is a non-canonical numeric address",
          "no host", "URL has no host");

  private final TargetPolicy policy;

  TargetPolicyGuard(SecurityProperties properties) {
    this.policy = TargetPolicy.parse(properties.allowedTargets());
  }

  @Override
  public TargetDecision check(URI url) {
    TargetPolicy.Decision decision = policy.check(url);
    if (decision.allowed() || !decision.resolved()) return TargetDecision.allow();
    return TargetDecision.refuse(
        REASONS.getOrDefault(decision.addressClass(), "target is not allowed"));
  }
}
