package org.parley.forums;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A process's forum rules: how many reports (from different people) hide a post until it is reviewed. */
public record ForumSettings(@Min(1) @Max(100) int reportThreshold) {

    static final ForumSettings DEFAULTS = new ForumSettings(3);
}
