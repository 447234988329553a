package org.parley.feedback;

/** "Is this done?" */
public enum Answer {
    YES, PARTLY, NO
}
