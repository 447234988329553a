package org.parley.texts;

/** A party's position on a clause. */
public enum Stance { ACCEPT, REJECT, RESERVE, AMEND }
