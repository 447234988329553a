package org.parley.engagement;

/** A participant's answer to a statement. */
public enum VoteChoice {
    AGREE(1), DISAGREE(-1), PASS(0);

    private final int value;

    VoteChoice(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static VoteChoice of(int value) {
        return value > 0 ? AGREE : value < 0 ? DISAGREE : PASS;
    }
}
