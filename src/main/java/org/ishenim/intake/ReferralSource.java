package org.ishenim.intake;

/**
 * TDI: who referred the client. A court, probation or police referral is this value only: it is shown on the client
 * page and counted in the clinic's yearly table, and never reported back to them.
 */
enum ReferralSource {
    SELF, FAMILY_OR_FRIENDS, OTHER_DRUG_SERVICE, GENERAL_PRACTITIONER, HOSPITAL_OR_MEDICAL, SOCIAL_OR_EDUCATIONAL,
    COURT_PROBATION_POLICE, OTHER, NOT_KNOWN, DECLINED
}
