package io.testgen.common.agents.observation;

/** A heading (h1..h6) of a state. */
public record Heading(int level, String text) {}
