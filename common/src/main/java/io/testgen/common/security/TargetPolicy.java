package io.testgen.common.security;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts TestGen may send a browser to (the SSRF rule shared by gateway and worker).
 *
 * <p>A host is refused when it, or any address it resolves to, is loopback, private (10/8,
 * 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10), multicast,
 * unspecified, a cloud metadata endpoint (169.254.169.254, fd00:ec2::254, metadata.google.internal)
 * or any other range of the IANA special-purpose registries (documentation, benchmarking, reserved,
 * broadcast ...: see {@link SpecialPurposeAddresses}) — unless the allow-list admits it. An IPv6
 * transition form (NAT64, 6to4, Teredo, IPv4-mapped or -compatible) is judged by the IPv4 address
 * it embeds. Allow-list entries: {@code loopback}, {@code private} (private and link-local ranges,
 * never metadata), a CIDR such as {@code 10.1.0.0/16}, or a host name. Special-purpose ranges are
 * admitted only by a CIDR or host name entry, metadata endpoints only by one naming that exact
 * address or host.
 *
 * <p>Checking resolves the host once; a browser resolves again, so a DNS answer that changes in
 * between (rebinding) is only caught when the browser's request is checked again, which the
 * worker's navigation guard does for every request.
 */
public final class TargetPolicy {
  /** Environment variable with the comma-separated allow-list. */
  public static final String ALLOWED_TARGETS_ENV = "TESTGEN_ALLOWED_TARGETS";

  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata.goog", "169.254.169.254", "fd00:ec2::254");

  /**
   * The answer for one host.
   *
   * @param allowed whether a browser may go there
   * @param resolved false when the host name does not resolve (the caller decides what that means:
   *     unreachable target, or a blocked sub-request)
   * @param reason why it was refused, null when allowed
   * @param addressClass the class of address refused, without host or address (safe to show to a
   *     client): {@code loopback}, {@code private}, {@code link-local}, {@code multicast}, {@code
   *     unspecified}, {@code cloud metadata}, {@code special-purpose}, {@code non-canonical
   *     numeric}, {@code no host}; null when allowed or unresolved
   */
  public record Decision(boolean allowed, boolean resolved, String reason, String addressClass) {
    static Decision allow() {
      return new Decision(true, true, null, null);
    }

    static Decision refuse(String addressClass, String reason) {
      return new Decision(false, true, reason, addressClass);
    }
  }

  /** A last label browsers read as a number, which makes the whole host an IPv4 address. */
  private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");

  /** The one IPv4 spelling every parser reads the same way: four decimal parts, no zero padding. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private final boolean allowLoopback;
  private final boolean allowPrivate;
  private final List<Cidr> allowedCidrs;
  private final Set<String> allowedHosts;

  private TargetPolicy(
      boolean allowLoopback, boolean allowPrivate, List<Cidr> cidrs, Set<String> hosts) {
    this.allowLoopback = allowLoopback;
    this.allowPrivate = allowPrivate;
    this.allowedCidrs = List.copyOf(cidrs);
    this.allowedHosts = Set.copyOf(hosts);
  }

  /** Public internet only. */
  public static TargetPolicy strict() {
    return new TargetPolicy(false, false, List.of(), Set.of());
  }

  /** Public internet and this machine (local mode, tests). */
  public static TargetPolicy allowingLoopback() {
    return new TargetPolicy(true, false, List.of(), Set.of());
  }

  /**
   * Parses an allow-list: comma-separated {@code loopback}, {@code private}, CIDRs or host names.
   *
   * @throws IllegalArgumentException for a malformed CIDR
   */
  public static TargetPolicy parse(String allowList) {
    boolean loopback = false;
    boolean privateRanges = false;
    List<Cidr> cidrs = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    if (allowList != null) {
      for (String raw : allowList.split(",")) {
        String entry = raw.trim().toLowerCase(Locale.ROOT);
        if (entry.isEmpty()) continue;
        if (entry.equals("loopback") || entry.equals("localhost")) loopback = true;
        else if (entry.equals("private")) privateRanges = true;
        else if (entry.contains("/") || looksLikeAddress(entry)) cidrs.add(Cidr.parse(entry));
        else hosts.add(entry);
      }
    }
    return new TargetPolicy(loopback, privateRanges, cidrs, Set.copyOf(hosts));
  }

  /** The policy from {@value #ALLOWED_TARGETS_ENV} (unset: public internet only). */
  public static TargetPolicy fromEnvironment(Map<String, String> env) {
    return parse(env.get(ALLOWED_TARGETS_ENV));
  }

  public static TargetPolicy fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Checks the host of an http(s) URL. */
  public Decision check(URI url) {
    String host = url.getHost();
    if (host == null || host.isBlank()) return Decision.refuse("no host", "URL has no host");
    return checkHost(host);
  }

  /** Checks a host name or address literal, resolving names. */
  public Decision checkHost(String rawHost) {
    String host = normalise(rawHost);
    if (allowedHosts.contains(host)) return Decision.allow();
    boolean literal = host.contains(":") || DOTTED_QUAD.matcher(host).matches();
    // Address literals are classified below, where an explicit CIDR entry may admit them.
    if (METADATA_HOSTS.contains(host) && !literal) {
      return Decision.refuse("cloud metadata", "cloud metadata endpoint " + host);
    }
    if (!literal && NUMERIC_LAST_LABEL.matcher(lastLabel(host)).matches()) {
      // Browsers read 2130706433, 0x7f000001, 127.1 or 0177.0.0.1 as IPv4 (often loopback), while
      // Java's resolver reads them differently or not at all: refuse rather than guess.
      return Decision.refuse("non-canonical numeric", "non-canonical numeric address " + host);
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      // Browsers answer *.localhost with loopback themselves, whatever DNS says.
      return allowLoopback
          ? Decision.allow()
          : Decision.refuse("loopback", "loopback host " + host);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return new Decision(false, false, "host does not resolve: " + host, null);
    }
    for (InetAddress address : addresses) {
      String refusal = refusal(address);
      if (refusal != null) {
        return Decision.refuse(classify(address), host + " resolves to " + refusal);
      }
    }
    return Decision.allow();
  }

  /**
   * Whether the address may be visited; null when it may, else the kind of address refused. An IPv6
   * transition form (NAT64, 6to4, Teredo, IPv4-mapped or -compatible) is judged by the IPv4
   * addresses it embeds, exactly as if they had been given, unless an allow-list CIDR names the
   * IPv6 address itself.
   */
  public String refusal(InetAddress address) {
    if (admittedByCidr(address)) return null;
    for (Inet4Address embedded : SpecialPurposeAddresses.embeddedIpv4(address)) {
      String refused = refusal(embedded);
      if (refused != null) return refused + " (embedded in " + address.getHostAddress() + ")";
    }
    if (!SpecialPurposeAddresses.embeddedIpv4(address).isEmpty()) return null;
    String kind = SpecialPurposeAddresses.classify(address);
    if (kind == null) return null;
    if (kind.equals(SpecialPurposeAddresses.LOOPBACK) && allowLoopback) return null;
    if ((kind.equals(SpecialPurposeAddresses.PRIVATE)
            || kind.equals(SpecialPurposeAddresses.LINK_LOCAL))
        && allowPrivate) {
      return null;
    }
    return kind + " address " + address.getHostAddress();
  }

  private boolean admittedByCidr(InetAddress address) {
    boolean metadata = isMetadata(address);
    for (Inet4Address embedded : SpecialPurposeAddresses.embeddedIpv4(address)) {
      metadata |= isMetadata(embedded);
    }
    for (Cidr cidr : allowedCidrs) {
      // A range never admits a metadata endpoint; only an entry naming that one address does.
      if (cidr.contains(address) && (cidr.single() || !metadata)) return true;
    }
    return false;
  }

  private static boolean isMetadata(InetAddress address) {
    return SpecialPurposeAddresses.METADATA.equals(SpecialPurposeAddresses.classify(address));
  }

  /** The class reported for a refused address: that of the first refused embedded IPv4, if any. */
  private String classify(InetAddress address) {
    for (Inet4Address embedded : SpecialPurposeAddresses.embeddedIpv4(address)) {
      if (refusal(embedded) != null) return classify(embedded);
    }
    return SpecialPurposeAddresses.classify(address);
  }

  private static String normalise(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    try {
      return IDN.toASCII(h);
    } catch (IllegalArgumentException e) {
      return h;
    }
  }

  private static String lastLabel(String host) {
    return host.substring(host.lastIndexOf('.') + 1);
  }

  private static boolean looksLikeAddress(String entry) {
    return entry.matches("[0-9.]+") || entry.contains(":");
  }

  @Override
  public String toString() {
    return "TargetPolicy[loopback="
        + allowLoopback
        + ", private="
        + allowPrivate
        + ", cidrs="
        + allowedCidrs.size()
        + ", hosts="
        + allowedHosts
        + "]";
  }
}
