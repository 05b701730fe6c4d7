package io.testgen.gateway.security;

import io.testgen.gateway.config.SecurityProperties;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Refuses targets whose host is, or resolves to, a loopback, private, link-local, multicast,
 * unspecified or cloud-metadata address, unless {@code TESTGEN_ALLOWED_TARGETS} allows it ({@code
 * loopback}, {@code private} (private and link-local ranges, never metadata), CIDRs, host names). A
 * host that does not resolve is let through: the worker fails the run as unreachable and checks
 * every request again anyway.
 *
 * <p>Interim: to be replaced by {@code io.testgen.common.security.TargetPolicy} once it lands in
 * common, so gateway and worker share one rule.
 */
@Component
class AddressClassTargetGuard implements TargetGuard {
  /** Numeric hosts a browser would read as an IPv4 address (2130706433, 0x7f.1, 127.1 ...). */
  private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)[0-9.]+|0x[0-9a-fx.]*");

  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  /**
   * Metadata endpoints by name; by address they are caught after resolution (CIDRs may admit them).
   */
  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata.goog");

  private final boolean allowLoopback;
  private final boolean allowPrivate;
  private final Set<String> allowedHosts = new HashSet<>();
  private final List<byte[][]> allowedCidrs = new ArrayList<>();

  AddressClassTargetGuard(SecurityProperties properties) {
    boolean loopback = false;
    boolean privateRanges = false;
    String spec = properties.allowedTargets() == null ? "" : properties.allowedTargets();
    for (String raw : spec.split(",")) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) continue;
      switch (entry) {
        case "loopback" -> loopback = true;
        case "private" -> privateRanges = true;
        default -> {
          if (entry.contains("/")) allowedCidrs.add(cidr(entry));
          else allowedHosts.add(entry);
        }
      }
    }
    this.allowLoopback = loopback;
    this.allowPrivate = privateRanges;
  }

  @Override
  public TargetDecision check(URI url) {
    String host = url.getHost();
    if (host == null) return TargetDecision.refuse("URL has no host");
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    if (allowedHosts.contains(host)) return TargetDecision.allow();
    if (METADATA_HOSTS.contains(host)) {
      return TargetDecision.refuse("target is a cloud metadata address");
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return allowLoopback ? TargetDecision.allow() : TargetDecision.refuse("target is loopback");
    }
    if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
      return TargetDecision.refuse("target is a non-canonical numeric address");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return TargetDecision.allow();
    }
    for (InetAddress address : addresses) {
      String refusal = refusal(address);
      if (refusal != null) return TargetDecision.refuse(refusal);
    }
    return TargetDecision.allow();
  }

  private String refusal(InetAddress address) {
    if (inAllowedCidr(address)) return null;
    byte[] b = address.getAddress();
    if (isMetadata(address)) return "target is a cloud metadata address";
    if (address.isAnyLocalAddress()) return "target is an unspecified address";
    if (address.isMulticastAddress()) return "target is a multicast address";
    if (address.isLoopbackAddress()) return allowLoopback ? null : "target is loopback";
    if (address.isLinkLocalAddress()) return allowPrivate ? null : "target is link-local";
    boolean uniqueLocal = address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    boolean sharedAddressSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    if (address.isSiteLocalAddress() || uniqueLocal || sharedAddressSpace) {
      return allowPrivate ? null : "target is a private address";
    }
    return null;
  }

  private static boolean isMetadata(InetAddress address) {
    String text = address.getHostAddress();
    return text.equals("169.254.169.254")
        || text.equals("100.100.100.200")
        || text.equals("fd00:ec2:0:0:0:0:0:254");
  }

  private boolean inAllowedCidr(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (byte[][] cidr : allowedCidrs) {
      byte[] network = cidr[0];
      int prefix = cidr[1][0] & 0xff;
      if (network.length != bytes.length) continue;
      boolean match = true;
      for (int bit = 0; bit < prefix && match; bit++) {
        int mask = 0x80 >>> (bit % 8);
        match = (network[bit / 8] & mask) == (bytes[bit / 8] & mask);
      }
      if (match) return true;
    }
    return false;
  }

  private static byte[][] cidr(String entry) {
    int slash = entry.indexOf('/');
    try {
      byte[] network = InetAddress.getByName(entry.substring(0, slash)).getAddress();
      int prefix = Integer.parseInt(entry.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) throw new NumberFormatException();
      return new byte[][] {network, {(byte) prefix}};
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalStateException("invalid CIDR in TESTGEN_ALLOWED_TARGETS: " + entry);
    }
  }
}
