package io.testgen.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IPv6 transition forms are judged by the IPv4 address they embed, and every IANA special-purpose
 * range is refused unless the allow-list names it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TargetPolicySpecialRangesTest {

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // NAT64 (RFC 6052), 6to4, Teredo (client stored inverted), IPv4-mapped and -compatible
        "[64:ff9b::a9fe:a9fe]|cloud metadata|cloud metadata address 169.254.169.254 (embedded in 64:ff9b:0:0:0:0:a9fe:a9fe)",
        "[64:ff9b::7f00:1]|loopback|loopback address 127.0.0.1 (embedded in 64:ff9b:0:0:0:0:7f00:1)",
        "[64:ff9b::a00:1]|private|private address 10.0.0.1 (embedded in 64:ff9b:0:0:0:0:a00:1)",
        "[2002:a9fe:a9fe::]|cloud metadata|cloud metadata address 169.254.169.254 (embedded in 2002:a9fe:a9fe:0:0:0:0:0)",
        "[2002:7f00:1::1]|loopback|loopback address 127.0.0.1 (embedded in 2002:7f00:1:0:0:0:0:1)",
        "[2001:0:5db8:d822::80ff:fffe]|loopback|loopback address 127.0.0.1 (embedded in 2001:0:5db8:d822:0:0:80ff:fffe)",
        "[2001:0:a00:1::5db8:d822]|private|private address 10.0.0.1 (embedded in 2001:0:a00:1:0:0:5db8:d822)",
        "[::a9fe:a9fe]|cloud metadata|cloud metadata address 169.254.169.254 (embedded in 0:0:0:0:0:0:a9fe:a9fe)",
        "[::ffff:169.254.169.254]|cloud metadata|cloud metadata address 169.254.169.254",
        // the local-use NAT64 prefix places its IPv4 address where only its network knows
        "[64:ff9b:1::a9fe:a9fe]|special-purpose|special-purpose address 64:ff9b:1:0:0:0:a9fe:a9fe",
        // IPv4 special-purpose registry
        "198.18.0.1|special-purpose|special-purpose address 198.18.0.1",
        "198.19.255.255|special-purpose|special-purpose address 198.19.255.255",
        "240.0.0.1|special-purpose|special-purpose address 240.0.0.1",
        "255.255.255.255|special-purpose|special-purpose address 255.255.255.255",
        "192.0.0.8|special-purpose|special-purpose address 192.0.0.8",
        "192.0.2.1|special-purpose|special-purpose address 192.0.2.1",
        "198.51.100.7|special-purpose|special-purpose address 198.51.100.7",
        "203.0.113.9|special-purpose|special-purpose address 203.0.113.9",
        "192.88.99.1|special-purpose|special-purpose address 192.88.99.1",
        "100.64.0.1|private|private address 100.64.0.1",
        "239.255.255.250|multicast|multicast address 239.255.255.250",
        "0.1.2.3|unspecified|unspecified address 0.1.2.3",
        // IPv6 special-purpose registry, and everything outside global unicast 2000::/3
        "[2001:db8::1]|special-purpose|special-purpose address 2001:db8:0:0:0:0:0:1",
        "[3fff::1]|special-purpose|special-purpose address 3fff:0:0:0:0:0:0:1",
        "[2001:2::1]|special-purpose|special-purpose address 2001:2:0:0:0:0:0:1",
        "[2001:10::1]|special-purpose|special-purpose address 2001:10:0:0:0:0:0:1",
        "[100::1]|special-purpose|special-purpose address 100:0:0:0:0:0:0:1",
        "[::ffff:0:a00:1]|special-purpose|special-purpose address 0:0:0:0:ffff:0:a00:1",
        "[4000::1]|special-purpose|special-purpose address 4000:0:0:0:0:0:0:1",
        "[fec0::1]|private|private address fec0:0:0:0:0:0:0:1",
        "[ff02::1]|multicast|multicast address ff02:0:0:0:0:0:0:1",
      })
  void refusedWithTheClassOfWhatItLeadsTo(String host, String addressClass, String refusal) {
    TargetPolicy.Decision decision = TargetPolicy.strict().checkHost(host);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.resolved()).isTrue();
    assertThat(decision.addressClass()).isEqualTo(addressClass);
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    assertThat(decision.reason()).isEqualTo(literal + " resolves to " + refusal);
  }

  @Test
  void transitionFormsOfPublicAddressesPass() {
    TargetPolicy strict = TargetPolicy.strict();
    assertThat(strict.checkHost("[64:ff9b::5db8:d822]").allowed()).isTrue(); // 93.184.216.34
    assertThat(strict.checkHost("[2002:5db8:d822::1]").allowed()).isTrue();
    // Teredo: server 93.184.216.34, client 8.8.8.8 stored inverted (f7f7:f7f7)
    assertThat(strict.checkHost("[2001:0:5db8:d822::f7f7:f7f7]").allowed()).isTrue();
    assertThat(strict.checkHost("[::ffff:8.8.8.8]").allowed()).isTrue();
    assertThat(strict.checkHost("2606:4700::1111").allowed()).isTrue();
    assertThat(strict.checkHost("198.20.0.1").allowed()).isTrue();
    assertThat(strict.checkHost("223.255.255.255").allowed()).isTrue();
  }

  @Test
  void theEmbeddedAddressIsJudgedByTheSameAllowList() {
    TargetPolicy loopback = TargetPolicy.allowingLoopback();
    assertThat(loopback.checkHost("[::ffff:127.0.0.1]").allowed()).isTrue();
    assertThat(loopback.checkHost("[64:ff9b::7f00:1]").allowed()).isTrue();
    assertThat(loopback.checkHost("[64:ff9b::a9fe:a9fe]").allowed()).isFalse();
    TargetPolicy privateRanges = TargetPolicy.parse("private");
    assertThat(privateRanges.checkHost("[2002:a00:1::1]").allowed()).isTrue();
    assertThat(privateRanges.checkHost("[2002:a9fe:a9fe::]").addressClass())
        .isEqualTo("cloud metadata");
    // "private" never admits special-purpose ranges.
    assertThat(privateRanges.checkHost("198.18.0.1").allowed()).isFalse();
  }

  @Test
  void specialPurposeRangesAreAdmittedOnlyByName() {
    assertThat(TargetPolicy.parse("198.18.0.0/15").checkHost("198.18.3.4").allowed()).isTrue();
    assertThat(TargetPolicy.parse("2001:db8::/32").checkHost("[2001:db8::5]").allowed()).isTrue();
    assertThat(TargetPolicy.parse("64:ff9b::/96").checkHost("[64:ff9b::a00:1]").allowed()).isTrue();
    // A range over a transition prefix never admits a metadata endpoint inside it.
    TargetPolicy.Decision metadata =
        TargetPolicy.parse("64:ff9b::/96").checkHost("[64:ff9b::a9fe:a9fe]");
    assertThat(metadata.allowed()).isFalse();
    assertThat(metadata.addressClass()).isEqualTo("cloud metadata");
    assertThat(TargetPolicy.parse("169.254.169.254/32").checkHost("[64:ff9b::a9fe:a9fe]").allowed())
        .isTrue();
  }
}
