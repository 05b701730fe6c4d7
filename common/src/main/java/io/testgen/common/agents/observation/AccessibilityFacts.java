package io.testgen.common.agents.observation;

import java.util.List;

/** Accessibility facts of a state that a test can verify automatically. */
public record AccessibilityFacts(
    int h1Count,
    boolean headingOrderValid,
    List<String> unlabelledInputs,
    List<String> imagesWithoutAlt,
    int imageCount,
    boolean hasLang) {}
