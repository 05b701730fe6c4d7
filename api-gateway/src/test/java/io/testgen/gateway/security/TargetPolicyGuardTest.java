package io.testgen.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.gateway.config.SecurityProperties;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@org.junit.jupiter.api.Timeout(30)
class TargetPolicyGuardTest {

  private static TargetPolicyGuard guard(String allowed) {
    return new TargetPolicyGuard(
        new SecurityProperties(null, null, null, "local", null, Duration.ofMinutes(5), allowed));
  }

  @ParameterizedTest(name = "{0} with allow-list [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "http://127.0.0.1:8080/|-|target is loopback",
        "http://localhost/|-|target is loopback",
        "http://[::1]/|-|target is loopback",
        "http://10.1.2.3/|-|target is a private address",
        "http://172.16.0.1/|-|target is a private address",
        "http://192.168.1.1/|-|target is a private address",
        "http://[fd12::1]/|-|target is a private address",
        "http://100.64.0.1/|-|target is a private address",
        "http://169.254.10.10/|-|target is link-local",
        "http://[fe80::1]/|-|target is link-local",
        "http://224.0.0.1/|-|target is a multicast address",
        "http://[ff02::1]/|-|target is a multicast address",
        "http://0.0.0.0/|-|target is an unspecified address",
        "http://169.254.169.254/latest/meta-data/|-|target is a cloud metadata address",
        "http://metadata.google.internal/|-|target is a cloud metadata address",
        "http://[fd00:ec2::254]/|-|target is a cloud metadata address",
        "http://2130706433/|-|target is a non-canonical numeric address",
        "http://0x7f000001/|-|target is a non-canonical numeric address",
        "http://127.1/|-|URL has no host",
        "http://[::ffff:127.0.0.1]/|-|target is loopback",
        "http://169.254.169.254/|loopback,private|target is a cloud metadata address",
        "http://10.1.2.3/|loopback|target is a private address",
        "http://[64:ff9b::a9fe:a9fe]/|-|target is a cloud metadata address",
        "http://[2002:a9fe:a9fe::]/|-|target is a cloud metadata address",
        "http://198.18.0.1/|-|target is a special-purpose address (IANA registry)",
        "http://240.0.0.1/|-|target is a special-purpose address (IANA registry)",
        "http://255.255.255.255/|-|target is a special-purpose address (IANA registry)",
      })
  void refusesEachAddressClass(String url, String allowed, String reason) {
    TargetGuard.TargetDecision decision = guard(allowed).check(URI.create(url));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} with allow-list [{1}] allowed")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "http://93.184.216.34/|-",
        "http://[2606:4700::1111]/|-",
        "http://127.0.0.1:8080/|loopback",
        "http://localhost:3000/|loopback",
        "http://10.1.2.3/|private",
        "http://169.254.10.10/|private",
        "http://10.1.2.3/|10.1.0.0/16",
        "http://169.254.169.254/|169.254.169.254/32",
        "http://intranet.test/|intranet.test",
        "http://does-not-resolve.invalid/|-",
      })
  void allowsPublicAndAllowListedTargets(String url, String allowed) {
    TargetGuard.TargetDecision decision = guard(allowed).check(URI.create(url));
    assertThat(decision.allowed()).as(decision.reason()).isTrue();
  }
}
