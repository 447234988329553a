package org.parley.engagement;

import java.util.List;

/** A demographic question of a consultation; answers are indices into {@code options}. Never required. */
public record Question(long id, int position, String text, List<String> options) {

    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_TEXT = 200;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 12;
    public static final int MAX_OPTION = 100;
}
