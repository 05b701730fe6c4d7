package io.testgen.cli;

import io.testgen.common.workflow.Agent;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;

/** A progress bar per agent, redrawn in place on a terminal and printed line by line elsewhere. */
final class ProgressBoard {
  private static final int WIDTH = 24;

  private final PrintStream out;
  private final boolean interactive;
  private final Map<Agent, Double> fractions = new EnumMap<>(Agent.class);
  private final Map<Agent, String> messages = new EnumMap<>(Agent.class);
  private boolean drawn;

  ProgressBoard(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
    for (Agent agent : Agent.values()) {
      fractions.put(agent, 0.0);
      messages.put(agent, "waiting");
    }
  }

  /** Records an agent's event; {@code totalProgress} is the run's 0..1 figure. */
  void update(Agent agent, String type, double totalProgress, String message) {
    double fraction = (totalProgress - agent.bandStart()) / (agent.bandEnd() - agent.bandStart());
    if (type.equals("agent_completed")) fraction = 1;
    fraction = Math.max(fractions.get(agent), Math.max(0, Math.min(1, fraction)));
    fractions.put(agent, fraction);
    String label =
        switch (type) {
          case "agent_failed" -> "FAILED: ";
          case "agent_completed" -> "done: ";
          default -> "";
        };
    messages.put(agent, label + (message == null ? "" : message));
    if (interactive) {
      if (drawn) out.print("\033[" + Agent.values().length + "A");
      for (Agent a : Agent.values()) out.print("\r\033[2K" + line(a) + "\n");
      drawn = true;
    } else {
      out.println(line(agent));
    }
    out.flush();
  }

  String line(Agent agent) {
    double fraction = fractions.get(agent);
    int filled = (int) Math.round(fraction * WIDTH);
    String message = messages.get(agent);
    if (message.length() > 70) message = message.substring(0, 67) + "...";
    return String.format(
        "%-13s [%s%s] %3d%%  %s",
        agent.wireName(),
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        message);
  }
}
