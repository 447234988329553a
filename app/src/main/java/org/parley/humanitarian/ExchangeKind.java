package org.parley.humanitarian;

/** Who or what is exchanged. */
public enum ExchangeKind { PRISONERS_OF_WAR, CIVILIANS, REMAINS }
