package org.parley.process;

public enum PartyKind { STATE, INTERNATIONAL_ORGANISATION, UN_AGENCY, CIVIL_SOCIETY }
