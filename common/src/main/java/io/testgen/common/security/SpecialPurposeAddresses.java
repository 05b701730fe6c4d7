package io.testgen.common.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The IANA special-purpose address registries (IPv4 and IPv6, RFC 6890 and successors) as the SSRF
 * rule reads them: the class of an address, and the IPv4 addresses an IPv6 transition form carries.
 *
 * <p>Transition forms are judged by the IPv4 address they lead to: IPv4-mapped {@code
 * ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96} (RFC 6052), 6to4 {@code
 * 2002::/16} (bits 16-47) and Teredo {@code 2001::/32} (the server address, and the client address
 * stored inverted in the last 32 bits; both must pass). The local-use NAT64 prefix {@code
 * 64:ff9b:1::/48} (RFC 8215) places the IPv4 address by a prefix length only its network knows, so
 * it is refused as special-purpose. Any IPv6 address outside global unicast {@code 2000::/3} that
 * no entry classifies is special-purpose as well.
 */
final class SpecialPurposeAddresses {
  static final String LOOPBACK = "loopback";
  static final String PRIVATE = "private";
  static final String LINK_LOCAL = "link-local";
  static final String MULTICAST = "multicast";
  static final String UNSPECIFIED = "unspecified";
  static final String METADATA = "cloud metadata";
  static final String SPECIAL_PURPOSE = "special-purpose";

  private record Entry(Cidr block, String addressClass) {
    static Entry of(String cidr, String addressClass) {
      return new Entry(Cidr.parse(cidr), addressClass);
    }
  }

  private static final List<Cidr> METADATA_ADDRESSES =
      List.of(Cidr.parse("169.254.169.254/32"), Cidr.parse("fd00:ec2::254/128"));

  /** First match wins; the transition forms are handled before this table. */
  private static final List<Entry> REGISTRY =
      List.of(
          // IPv4
          Entry.of("0.0.0.0/8", UNSPECIFIED),
          Entry.of("10.0.0.0/8", PRIVATE),
          Entry.of("100.64.0.0/10", PRIVATE), // shared address space (carrier-grade NAT)
          Entry.of("127.0.0.0/8", LOOPBACK),
          Entry.of("169.254.0.0/16", LINK_LOCAL),
          Entry.of("172.16.0.0/12", PRIVATE),
          Entry.of("192.0.0.0/24", SPECIAL_PURPOSE), // IETF protocol assignments
          Entry.of("192.0.2.0/24", SPECIAL_PURPOSE), // documentation (TEST-NET-1)
          Entry.of("192.31.196.0/24", SPECIAL_PURPOSE), // AS112-v4
          Entry.of("192.52.193.0/24", SPECIAL_PURPOSE), // AMT
          Entry.of("192.88.99.0/24", SPECIAL_PURPOSE), // deprecated 6to4 relay anycast
          Entry.of("192.168.0.0/16", PRIVATE),
          Entry.of("192.175.48.0/24", SPECIAL_PURPOSE), // direct delegation AS112
          Entry.of("198.18.0.0/15", SPECIAL_PURPOSE), // benchmarking
          Entry.of("198.51.100.0/24", SPECIAL_PURPOSE), // documentation (TEST-NET-2)
          Entry.of("203.0.113.0/24", SPECIAL_PURPOSE), // documentation (TEST-NET-3)
          Entry.of("224.0.0.0/4", MULTICAST),
          Entry.of("240.0.0.0/4", SPECIAL_PURPOSE), // reserved, and 255.255.255.255 broadcast
          // IPv6 (::1 and :: are recognised by Java itself)
          Entry.of("64:ff9b:1::/48", SPECIAL_PURPOSE), // local-use IPv4/IPv6 translation
          Entry.of("100::/64", SPECIAL_PURPOSE), // discard-only
          Entry.of("2001::/23", SPECIAL_PURPOSE), // IETF protocol assignments (ORCHID, AS112 ...)
          Entry.of("2001:db8::/32", SPECIAL_PURPOSE), // documentation
          Entry.of("2620:4f:8000::/48", SPECIAL_PURPOSE), // direct delegation AS112
          Entry.of("3fff::/20", SPECIAL_PURPOSE), // documentation
          Entry.of("5f00::/16", SPECIAL_PURPOSE), // SRv6 segment identifiers
          Entry.of("fc00::/7", PRIVATE), // unique local
          Entry.of("fe80::/10", LINK_LOCAL),
          Entry.of("fec0::/10", PRIVATE), // deprecated site-local
          Entry.of("ff00::/8", MULTICAST));

  private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");
  // Java reads "::ffff:0:0" as the IPv4 address 0.0.0.0, so this block is spelled in bytes.
  private static final Cidr IPV4_MAPPED =
      new Cidr(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
  private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
  private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
  private static final Cidr TEREDO = Cidr.parse("2001::/32");

  private SpecialPurposeAddresses() {}

  /**
   * The class of {@code address} itself (not of an address it embeds): one of the constants here,
   * or null for an ordinary public address.
   */
  static String classify(InetAddress address) {
    for (Cidr cidr : METADATA_ADDRESSES) if (cidr.contains(address)) return METADATA;
    if (address.isLoopbackAddress()) return LOOPBACK;
    if (address.isAnyLocalAddress()) return UNSPECIFIED;
    for (Entry entry : REGISTRY) if (entry.block().contains(address)) return entry.addressClass();
    if (address instanceof Inet6Address && !GLOBAL_UNICAST.contains(address)) {
      return SPECIAL_PURPOSE;
    }
    return null;
  }

  /**
   * The IPv4 addresses an IPv6 transition form leads to (empty for any other address). {@code ::}
   * and {@code ::1} are not IPv4-compatible forms.
   */
  static List<Inet4Address> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) return List.of();
    byte[] b = address.getAddress();
    List<Inet4Address> out = new ArrayList<>(2);
    if (IPV4_MAPPED.contains(b) || NAT64.contains(b)) {
      out.add(ipv4(b, 12, false));
    } else if (IPV4_COMPATIBLE.contains(b)) {
      if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) out.add(ipv4(b, 12, false));
    } else if (SIX_TO_FOUR.contains(b)) {
      out.add(ipv4(b, 2, false));
    } else if (TEREDO.contains(b)) {
      out.add(ipv4(b, 4, false));
      out.add(ipv4(b, 12, true));
    }
    return out;
  }

  private static Inet4Address ipv4(byte[] bytes, int offset, boolean inverted) {
    byte[] four = new byte[4];
    for (int i = 0; i < 4; i++) {
      four[i] = (byte) (inverted ? ~bytes[offset + i] : bytes[offset + i]);
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(four);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
