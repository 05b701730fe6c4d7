package io.testgen.testkit.sites.corpus;

import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.HostileSite;

/**
 * {@code hostile}: the {@link HostileSite} (traps, slow, huge, redirect loops, off-origin and
 * metadata redirects, 404 and 500 pages) as a corpus app. Its "other origin" is the same server
 * reached as {@code localhost} instead of {@code 127.0.0.1}: another origin, no second server.
 */
public final class HostileApp implements CorpusApp {
  private HostileSite site;

  @Override
  public String name() {
    return "hostile";
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    site = HostileSite.install(server, "http://localhost:" + server.port());
    return server;
  }

  @Override
  public void reset() {
    if (site != null) site.resetCounts();
  }

  /** The installed site (its counters of logouts, deletes, calendar hits); null before install. */
  public HostileSite site() {
    return site;
  }

  /** Runs the hostile site until killed: {@code HostileApp [port]}. */
  public static void main(String[] args) throws InterruptedException {
    CorpusApp.serve(new HostileApp(), args);
  }
}
