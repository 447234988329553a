package org.parley.forums;

/** What a thread is about. */
public enum ForumSubject {
    TRACK, PETITION, CONSULTATION, HEARING
}
