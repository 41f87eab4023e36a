/**
 * The treatment-entry form (the core items of the EUDA Treatment Demand Indicator, TDI protocol 3.0), recorded per
 * client at or after enrolment and shown as a panel on the client's page, and the clinic manager's yearly TDI table:
 * people entering treatment in a year, each counted once, first-ever treatment or treatment again. Sources, the items
 * we could and could not confirm, and the rule that a court or police referral is never reported back:
 * {@code docs/indicators.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "clients", "web"})
package org.ishenim.intake;
