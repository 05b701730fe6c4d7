package io.testgen.common.agents.evolution;

import io.testgen.common.agents.observation.Locator;
import java.util.List;

/**
 * One step of a generated test.
 *
 * @param action goto, click, fill, select, check, press, expect_visible, expect_hidden,
 *     expect_text, expect_url, expect_title, expect_count, expect_value
 * @param locators ranked locators of the target element (first is used; others are repair options)
 * @param value URL path for goto, text to type, option, key, or the expected value
 * @param secret for fill: the name of the environment variable that holds the value (credentials)
 */
public record TestStep(
    String action, List<Locator> locators, String value, String secret, String description) {}
