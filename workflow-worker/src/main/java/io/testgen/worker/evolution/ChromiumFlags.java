package io.testgen.worker.evolution;

import java.util.List;

/** Chromium flags the rendered suites launch with: safe as root, in containers, offline. */
final class ChromiumFlags {
  static final List<String> SAFE =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-dev-shm-usage");

  private ChromiumFlags() {}
}
