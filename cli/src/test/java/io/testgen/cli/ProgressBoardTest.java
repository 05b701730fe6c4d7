package io.testgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.workflow.Agent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProgressBoardTest {
  @Test
  void mapsTheRunsProgressIntoEachAgentsOwnBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBoard board =
        new ProgressBoard(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    board.update(Agent.OBSERVATION, "agent_progress", 0.15, "5 pages");
    board.update(Agent.OBSERVATION, "agent_completed", 0.25, "12 states");
    board.update(Agent.REQUIREMENTS, "agent_failed", 0.30, "boom");
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "observation   [############............]  50%  5 pages",
            "observation   [########################] 100%  done: 12 states",
            "requirements  [........................]   0%  FAILED: boom");
  }
}
