package org.parley.engagement;

import java.util.List;

/** An optional demographic question an organiser asks, with its fixed answers (e.g. age bands). */
public record NewQuestion(String question, List<String> options) {
}
