package io.testgen.common.agents.evolution;

/** A step that was repaired, and how: alternative_locator, refind_by_role, refind_by_text, wait. */
public record Repair(int stepIndex, String method, String before, String after) {}
