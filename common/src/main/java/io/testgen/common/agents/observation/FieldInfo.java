package io.testgen.common.agents.observation;

import java.util.List;

/** A form field with what the page declares about it. */
public record FieldInfo(
    String elementId,
    String name,
    String type,
    String label,
    boolean required,
    String pattern,
    String min,
    String max,
    Integer minLength,
    Integer maxLength,
    List<String> options,
    List<Locator> locators) {}
