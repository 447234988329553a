package org.parley.feedback;

/** What feedback is about. */
public enum FeedbackItem {
    MILESTONE, COMMITMENT
}
