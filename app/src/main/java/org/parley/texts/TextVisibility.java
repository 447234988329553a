package org.parley.texts;

/** Once adopted, a text is published, or kept confidential: then only its hash is public. */
public enum TextVisibility { PUBLISHED, CONFIDENTIAL }
