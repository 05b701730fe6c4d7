package io.testgen.common.agents.evolution;

/** Why a test failed: the failing step, the error and a screenshot reference. */
public record TestFailure(int stepIndex, String step, String error, String screenshotRef) {}
