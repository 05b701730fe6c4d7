package io.testgen.gateway.runs;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /workflows/{id}/reject}. */
public record RejectBody(@Size(max = 2000) String reason) {}
