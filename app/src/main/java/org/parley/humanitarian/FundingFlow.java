package org.parley.humanitarian;

/** A funding flow's stage, as the Financial Tracking Service and IATI name them. */
public enum FundingFlow { PLEDGE, COMMITMENT, DISBURSEMENT }
