package org.parley.monitoring;

/** Where a ceasefire applies: the whole country, a polygon, or a contact line with a buffer on both sides. */
public enum Geography { COUNTRY, POLYGON, CONTACT_LINE }
