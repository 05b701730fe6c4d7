package io.testgen.common.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SseParserTest {

  private static List<SseParser.Message> parse(String stream) throws IOException {
    List<SseParser.Message> messages = new ArrayList<>();
    SseParser.read(
        new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), messages::add);
    return messages;
  }

  @Test
  void eventsCommentsAndMultiLineDataAsABrowserReadsThem() throws IOException {
    List<SseParser.Message> messages =
        parse(
            ": keepalive\n\n"
                + "id: 1-0\nevent: agent_started\ndata: {\"a\":\ndata:1}\n\n"
                + "data:  two spaces\nretry: 5\n\n");
    assertThat(messages)
        .containsExactly(
            new SseParser.Message(null, null, null, " keepalive"),
            new SseParser.Message("1-0", "agent_started", "{\"a\":\n1}", null),
            new SseParser.Message(null, null, " two spaces", null));
  }

  @Test
  void stopsWhenTheHandlerSaysSoAndIgnoresAnUnfinishedMessage() throws IOException {
    List<SseParser.Message> seen = new ArrayList<>();
    SseParser.read(
        new ByteArrayInputStream(
            "event: a\ndata: 1\n\nevent: b\ndata: 2\n\nevent: c\n"
                .getBytes(StandardCharsets.UTF_8)),
        m -> {
          seen.add(m);
          return false;
        });
    assertThat(seen).extracting(SseParser.Message::event).containsExactly("a");
    assertThat(parse("event: a\ndata: 1\n\nevent: c\ndata: 3\n"))
        .extracting(SseParser.Message::event)
        .containsExactly("a");
  }
}
