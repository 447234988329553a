package org.parley.humanitarian;

/** What kind of body an organisation is. */
public enum OrganisationKind { UN_AGENCY, RED_CROSS, NGO, GOVERNMENT, DONOR, OTHER }
