package io.testgen.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TargetPolicyTest {

  private static String refusal(TargetPolicy policy, String host) {
    TargetPolicy.Decision d = policy.checkHost(host);
    return d.allowed() ? null : d.reason();
  }

  @Test
  void strictRefusesEveryInternalRange() {
    TargetPolicy strict = TargetPolicy.strict();
    assertThat(refusal(strict, "127.0.0.1"))
        .isEqualTo("127.0.0.1 resolves to loopback address 127.0.0.1");
    assertThat(refusal(strict, "localhost")).isEqualTo("loopback host localhost");
    assertThat(refusal(strict, "[::1]"))
        .isEqualTo("::1 resolves to loopback address 0:0:0:0:0:0:0:1");
    assertThat(refusal(strict, "10.1.2.3"))
        .isEqualTo("10.1.2.3 resolves to private address 10.1.2.3");
    assertThat(refusal(strict, "172.16.0.1")).contains("private address");
    assertThat(refusal(strict, "172.31.255.255")).contains("private address");
    assertThat(refusal(strict, "192.168.1.1")).contains("private address");
    assertThat(refusal(strict, "fd12::1")).contains("private address");
    assertThat(refusal(strict, "169.254.1.1")).contains("link-local address");
    assertThat(refusal(strict, "fe80::1")).contains("link-local address");
    assertThat(refusal(strict, "224.0.0.1")).contains("multicast address");
    assertThat(refusal(strict, "0.0.0.0")).contains("unspecified address");
    assertThat(refusal(strict, "169.254.169.254"))
        .isEqualTo("169.254.169.254 resolves to cloud metadata address 169.254.169.254");
    assertThat(refusal(strict, "[fd00:ec2::254]"))
        .isEqualTo("fd00:ec2::254 resolves to cloud metadata address fd00:ec2:0:0:0:0:0:254");
    assertThat(refusal(strict, "metadata.google.internal"))
        .isEqualTo("cloud metadata endpoint metadata.google.internal");
    assertThat(refusal(strict, "METADATA.google.internal."))
        .isEqualTo("cloud metadata endpoint metadata.google.internal");
    assertThat(refusal(strict, "::ffff:10.0.0.1")).contains("private address 10.0.0.1");
    // public addresses pass (literals: no DNS needed)
    assertThat(strict.checkHost("93.184.216.34").allowed()).isTrue();
    assertThat(strict.checkHost("172.32.0.1").allowed()).isTrue();
    assertThat(strict.checkHost("2606:2800:220:1::1").allowed()).isTrue();
  }

  @Test
  void allowListAdmitsWhatItNamesAndMetadataOnlyByAnExactCidr() {
    TargetPolicy policy =
        TargetPolicy.parse(" loopback, private , 203.0.113.0/24, intranet.example");
    assertThat(policy.checkHost("127.0.0.1").allowed()).isTrue();
    assertThat(policy.checkHost("10.0.0.5").allowed()).isTrue();
    assertThat(policy.checkHost("169.254.1.1").allowed()).isTrue();
    assertThat(policy.checkHost("intranet.example").allowed()).isTrue();
    assertThat(refusal(policy, "169.254.169.254"))
        .isEqualTo("169.254.169.254 resolves to cloud metadata address 169.254.169.254");
    assertThat(refusal(policy, "224.0.0.1")).contains("multicast");
    // An operator who names the metadata address exactly means it; a broader range never admits it.
    assertThat(TargetPolicy.parse("169.254.169.254/32").checkHost("169.254.169.254").allowed())
        .isTrue();
    assertThat(TargetPolicy.parse("169.254.0.0/16").checkHost("169.254.169.254").allowed())
        .isFalse();
    assertThat(TargetPolicy.parse("10.9.0.0/16").checkHost("10.9.3.4").allowed()).isTrue();
    assertThat(TargetPolicy.parse("10.9.0.0/16").checkHost("10.10.3.4").allowed()).isFalse();
    assertThat(TargetPolicy.allowingLoopback().checkHost("127.0.0.1").allowed()).isTrue();
    assertThat(TargetPolicy.allowingLoopback().checkHost("10.0.0.1").allowed()).isFalse();
    assertThatThrownBy(() -> TargetPolicy.parse("10.0.0.0/99"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheEnvironmentAndChecksUrls() {
    TargetPolicy none = TargetPolicy.fromEnvironment(Map.of());
    assertThat(none.check(URI.create("http://127.0.0.1:8080/x")).allowed()).isFalse();
    TargetPolicy local =
        TargetPolicy.fromEnvironment(Map.of(TargetPolicy.ALLOWED_TARGETS_ENV, "loopback"));
    assertThat(local.check(URI.create("http://127.0.0.1:8080/x")).allowed()).isTrue();
    TargetPolicy.Decision unknown = none.checkHost("no-such-host.invalid");
    assertThat(unknown.allowed()).isFalse();
    assertThat(unknown.resolved()).isFalse();
    assertThat(none.check(URI.create("file:///etc/passwd")).reason()).isEqualTo("URL has no host");
  }
}
