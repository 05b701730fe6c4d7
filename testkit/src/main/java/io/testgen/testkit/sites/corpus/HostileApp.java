package io.testgen.testkit.sites.corpus;

import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.HostileSite;

/**
 * {@code hostile}: the {@link HostileSite} (traps, slow, huge, redirect loops, off-origin and
 * metadata redirects, 404 and 500 pages) as a corpus app. Its "other origin" is the same server
 * reached as {@code localhost} instead of {@code 127.0.0.1}: another origin, no second server.
 */
public final class HostileApp implements CorpusApp {
  private final FaultSwitch faults =
      new FaultSwitch(
          new HandFault(
              HostileSite.FAULT_PROFILE_200,
              "the profile's error page answers 200: the handler swallows the status"),
          new HandFault(
              HostileSite.FAULT_OLD_NEWS_200, "the missing old news answers 200 (a soft 404)"),
          new HandFault(
              HostileSite.FAULT_CALENDAR_STUCK,
              "the calendar's \"Next month\" link stays on the month shown"),
          new HandFault(
              HostileSite.FAULT_HELP_TEXT, "the help page renders its heading without its text"),
          new HandFault(
              HostileSite.FAULT_HOME_LINK,
              "the error pages' \"Home\" link goes to /home, which does not exist"),
          new HandFault(
              HostileSite.FAULT_LOGOUT_500,
              "\"Log out\" answers a server error page instead of leaving for the start page"));
  private HostileSite site;

  @Override
  public String name() {
    return "hostile";
  }

  @Override
  public FixtureServer install(FixtureServer server) {
    site = HostileSite.install(server, "http://localhost:" + server.port(), faults::on);
    return server;
  }

  @Override
  public FaultSwitch faults() {
    return faults;
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
