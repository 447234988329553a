package org.parley.process;

/** Who may read a session's outcome, minutes and follow-up actions. */
public enum Visibility { PUBLIC, PARTIES, MEDIATOR }
