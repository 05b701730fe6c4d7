package io.testgen.common.agents.observation;

import java.util.List;

/**
 * An element a test may use (link, button, clickable, input), with its locators best first.
 *
 * @param kind link, button, clickable, input, heading, image
 * @param href for links, the absolute target URL
 */
public record ElementInfo(
    String elementId,
    String kind,
    String tag,
    String role,
    String name,
    String text,
    String href,
    List<Locator> locators) {}
