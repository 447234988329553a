package org.parley.process;

public enum ProcessStatus { PREPARATION, ACTIVE, SUSPENDED, CONCLUDED }
