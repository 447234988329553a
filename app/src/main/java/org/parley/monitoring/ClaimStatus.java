package org.parley.monitoring;

/** A party's claimed violation stays CLAIMED until observers verify or refute it. */
public enum ClaimStatus { CLAIMED, VERIFIED, REFUTED }
