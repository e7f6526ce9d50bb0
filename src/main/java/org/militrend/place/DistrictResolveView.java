package org.militrend.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code GET /api/v1/districts/resolve}. */
@Schema(name = "DistrictResolution")
record DistrictResolveView(
        @Schema(description = "the district the name means, or null")
        DistrictView match,

        @Schema(description = "the closest districts, best first (the match first, with score 1)")
        List<DistrictCandidate> candidates,

        @Schema(description = "why the match is not plain, e.g. a province conflict")
        List<String> warnings,

        @Schema(description = "the division the name means: the match's, or one such as Karachi that spans districts")
        DivisionRef division) {}
