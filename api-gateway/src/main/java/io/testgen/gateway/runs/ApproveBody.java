package io.testgen.gateway.runs;

import io.testgen.common.agents.requirements.Scenario;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /workflows/{id}/approve}: optionally an edited scenario list. */
public record ApproveBody(
    @Size(max = 100) List<Scenario> scenarios, @Size(max = 2000) String comment) {}
