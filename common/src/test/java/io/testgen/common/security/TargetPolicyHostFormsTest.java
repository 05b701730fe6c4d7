package io.testgen.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TargetPolicyHostFormsTest {

  @ParameterizedTest(name = "{0} is refused as non-canonical numeric, even with loopback allowed")
  @ValueSource(
      strings = {"2130706433", "0x7f000001", "0x7f.1", "127.1", "0177.0.0.1", "127.0.0.01"})
  void nonCanonicalNumericHostsAreRefused(String host) {
    for (TargetPolicy policy :
        new TargetPolicy[] {TargetPolicy.strict(), TargetPolicy.allowingLoopback()}) {
      TargetPolicy.Decision decision = policy.checkHost(host);
      assertThat(decision.allowed()).isFalse();
      assertThat(decision.resolved()).isTrue();
      assertThat(decision.addressClass()).isEqualTo("non-canonical numeric");
      assertThat(decision.reason()).isEqualTo("non-canonical numeric address " + host);
    }
  }

  @Test
  void canonicalAddressesAndNamesEndingInLettersAreResolvedAsBefore() {
    TargetPolicy.Decision loopback = TargetPolicy.strict().checkHost("127.0.0.1");
    assertThat(loopback.allowed()).isFalse();
    assertThat(loopback.addressClass()).isEqualTo("loopback");
    assertThat(loopback.reason()).isEqualTo("127.0.0.1 resolves to loopback address 127.0.0.1");
    assertThat(TargetPolicy.strict().checkHost("[::ffff:127.0.0.1]").addressClass())
        .isEqualTo("loopback");
    assertThat(TargetPolicy.strict().checkHost("93.184.216.34.").allowed()).isTrue();
    TargetPolicy.Decision unresolved = TargetPolicy.strict().checkHost("host1.invalid");
    assertThat(unresolved.resolved()).isFalse();
    assertThat(unresolved.addressClass()).isNull();
  }

  @Test
  void localhostSubdomainsAreLoopbackWithoutAskingDns() {
    TargetPolicy.Decision refused = TargetPolicy.strict().checkHost("app.localhost");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.resolved()).isTrue();
    assertThat(refused.addressClass()).isEqualTo("loopback");
    assertThat(refused.reason()).isEqualTo("loopback host app.localhost");
    assertThat(TargetPolicy.allowingLoopback().checkHost("app.localhost").allowed()).isTrue();
  }

  @Test
  void metadataAddressesAreAdmittedOnlyByAnExplicitCidr() {
    assertThat(TargetPolicy.parse("169.254.169.254/32").checkHost("169.254.169.254").allowed())
        .isTrue();
    assertThat(TargetPolicy.parse("fd00:ec2::254/128").checkHost("[fd00:ec2::254]").allowed())
        .isTrue();
    TargetPolicy.Decision privateOnly = TargetPolicy.parse("private").checkHost("169.254.169.254");
    assertThat(privateOnly.allowed()).isFalse();
    assertThat(privateOnly.addressClass()).isEqualTo("cloud metadata");
    TargetPolicy.Decision byName =
        TargetPolicy.parse("169.254.169.254/32").checkHost("metadata.google.internal");
    assertThat(byName.allowed()).isFalse();
    assertThat(byName.addressClass()).isEqualTo("cloud metadata");
    assertThat(byName.reason()).isEqualTo("cloud metadata endpoint metadata.google.internal");
  }
}
