package org.parley.forums;

/** A post is visible, hidden by reports until a moderator reviews it, or removed by a moderator (with a reason). */
public enum PostStatus {
    VISIBLE, HIDDEN, REMOVED
}
