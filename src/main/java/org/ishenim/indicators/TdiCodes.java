package org.ishenim.indicators;

import java.util.Map;

/**
 * Our treatment-demand categories mapped to the categories of the EUDA TDI standard tables (TDI protocol 3.0), for
 * the national downloads. The TDI labels and numbers are those of the reporting template's rows and columns as we
 * read them (docs/indicators.md, "TDI codes"); where our category is coarser than TDI's, the code names every TDI
 * category it covers ({@code 1.4+1.5}); where the mapping is not confirmed, the code ends with {@code ?}.
 */
final class TdiCodes {

    private static final Map<String, String> CODES = Map.ofEntries(
            // primary drug: the template's rows (1 opioids ... 9 other substances, 99 not known)
            Map.entry("primaryDrug/HEROIN", "1.1 heroin"),
            Map.entry("primaryDrug/METHADONE_MISUSED", "1.2 methadone misused"),
            Map.entry("primaryDrug/BUPRENORPHINE_MISUSED", "1.3 buprenorphine misused"),
            Map.entry("primaryDrug/OTHER_OPIOIDS", "1.4+1.5 fentanyls misused, other opioids"),
            Map.entry("primaryDrug/COCAINE", "2 cocaine (total)"),
            Map.entry("primaryDrug/STIMULANTS", "3 stimulants other than cocaine (total)"),
            Map.entry("primaryDrug/HYPNOTICS_SEDATIVES", "4 hypnotics and sedatives (total)"),
            Map.entry("primaryDrug/HALLUCINOGENS", "5 hallucinogens (total)"),
            Map.entry("primaryDrug/VOLATILE_INHALANTS", "6 volatile inhalants"),
            Map.entry("primaryDrug/CANNABIS", "7 cannabis (total)"),
            Map.entry("primaryDrug/OTHER", "9 other substances"),
            Map.entry("primaryDrug/NOT_KNOWN", "99 not known"),
            Map.entry("primaryDrug/DECLINED", "99 not known"),
            Map.entry("sex/M", "males"),
            Map.entry("sex/F", "females"),
            Map.entry("sex/X", "not known?"),
            Map.entry("route/INJECT", "injecting"),
            Map.entry("route/SMOKE_OR_INHALE", "smoking/inhaling"),
            Map.entry("route/EAT_OR_DRINK", "eating/drinking"),
            Map.entry("route/SNIFF", "sniffing"),
            Map.entry("route/OTHER", "other"),
            Map.entry("route/NOT_KNOWN", "not known"),
            Map.entry("route/DECLINED", "not known"),
            Map.entry("referralSource/SELF", "self, family, friends"),
            Map.entry("referralSource/FAMILY_OR_FRIENDS", "self, family, friends"),
            Map.entry("referralSource/OTHER_DRUG_SERVICE", "other drug treatment centre"),
            Map.entry("referralSource/GENERAL_PRACTITIONER", "general practitioner"),
            Map.entry("referralSource/HOSPITAL_OR_MEDICAL", "other health or medical service"),
            Map.entry("referralSource/SOCIAL_OR_EDUCATIONAL", "educational service, or other?"),
            Map.entry("referralSource/COURT_PROBATION_POLICE", "court, probation, police"),
            Map.entry("referralSource/OTHER", "other"),
            Map.entry("referralSource/NOT_KNOWN", "not known"),
            Map.entry("referralSource/DECLINED", "not known"),
            Map.entry("everOst/YES", "ever in OST"),
            Map.entry("everOst/NO", "never in OST"),
            Map.entry("everOst/NOT_KNOWN", "not known"),
            Map.entry("everOst/DECLINED", "not known"),
            // treatment status: the rows of the template's table 8
            Map.entry("status/FIRST_EVER", "never treated"),
            Map.entry("status/AGAIN", "previously treated"),
            Map.entry("status/NOT_KNOWN", "not known"));

    private TdiCodes() {
    }

    /** The TDI category of one of ours; the age bands are TDI's own (<15, 15-19, ... 65+). */
    static String of(String dimension, String category) {
        if (dimension.equals("age")) {
            return category;
        }
        String code = CODES.get(dimension + "/" + category);
        if (code == null) {
            throw new IllegalArgumentException("No TDI category for this one.");
        }
        return code;
    }
}
