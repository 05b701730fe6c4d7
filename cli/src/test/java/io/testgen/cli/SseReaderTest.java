package io.testgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SseReaderTest {
  @Test
  void parsesIdsTypesAndMultiLineDataAndSkipsKeepAlives() throws Exception {
    String wire =
        ": keep-alive\n\n"
            + "id: 1-0\nevent: agent_started\ndata: {\"a\":1}\n\n"
            + ": keep-alive\n\n"
            + "id: 2-0\nevent: agent_progress\ndata: line one\ndata: line two\n\n"
            + "id: 3-0\nevent: workflow_completed\ndata: {}\n\n"
            + "id: 4-0\nevent: never_read\ndata: {}\n\n";
    List<SseEvent> events = new ArrayList<>();
    SseReader.read(
        new BufferedReader(new StringReader(wire)),
        e -> {
          events.add(e);
          return !e.event().equals("workflow_completed");
        });
    assertThat(events)
        .containsExactly(
            new SseEvent("1-0", "agent_started", "{\"a\":1}"),
            new SseEvent("2-0", "agent_progress", "line one\nline two"),
            new SseEvent("3-0", "workflow_completed", "{}"));
  }

  @Test
  void skipsMessagesWithoutEventOrDataAndNamesAnUnnamedEventMessage() throws Exception {
    String wire = "id: 1-0\n\n" + "data: x\n\n" + "id: 2-0\nevent: e\n\n";
    List<SseEvent> events = new ArrayList<>();
    SseReader.read(new BufferedReader(new StringReader(wire)), events::add);
    assertThat(events)
        .containsExactly(new SseEvent(null, "message", "x"), new SseEvent("2-0", "e", ""));
  }
}
