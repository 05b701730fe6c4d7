package io.testgen.cli;

/** One Server-Sent Event as read off the wire. */
record SseEvent(String id, String event, String data) {}
