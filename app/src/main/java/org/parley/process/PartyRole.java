package org.parley.process;

/** What a party is in the process, as distinct from what kind of body it is. */
public enum PartyRole { CONFLICT_PARTY, MEDIATOR, OBSERVER_MISSION, GUARANTOR, HUMANITARIAN_AGENCY }
