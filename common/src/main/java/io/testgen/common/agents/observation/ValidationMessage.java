package io.testgen.common.agents.observation;

/** A validation message and where it appeared. {@code source}: native (browser) or page. */
public record ValidationMessage(String field, String text, String source) {}
