package io.testgen.common.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One address block, IPv4 or IPv6, as written in an allow-list or an IANA registry. */
record Cidr(byte[] network, int prefix) {
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    try {
      InetAddress address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash));
      int bits = address.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("bad prefix: " + text);
      return new Cidr(address.getAddress(), prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR: " + text, e);
    }
  }

  /** Whether the block names exactly one address. */
  boolean single() {
    return prefix == network.length * 8;
  }

  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] bytes) {
    if (bytes.length != network.length) return false;
    int full = prefix / 8;
    for (int i = 0; i < full; i++) if (bytes[i] != network[i]) return false;
    int rest = prefix % 8;
    if (rest == 0) return true;
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[full] & mask) == (network[full] & mask);
  }
}
