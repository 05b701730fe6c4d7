package io.testgen.worker.browser;

import io.testgen.common.security.TargetPolicy;

/**
 * One Chromium for the browser tests of a JVM, as in a worker (one browser, a context per task),
 * allowed to reach the loopback fixture sites and closed at exit. Tests of the pool itself build
 * their own.
 */
public final class TestBrowsers {
  private static BrowserPool pool;

  private TestBrowsers() {}

  public static synchronized BrowserPool shared() {
    if (pool == null) {
      pool =
          new BrowserPool(
              BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback());
      BrowserPool created = pool;
      Runtime.getRuntime().addShutdownHook(new Thread(created::close));
    }
    return pool;
  }
}
