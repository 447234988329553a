package org.parley.texts;

/** A draft is negotiated; an adopted text is final (amendments make a new text). */
public enum TextStatus { DRAFT, ADOPTED }
